import type { ProcStats } from '../proc-stats.js';

/** Whether `cpuSeconds` used over `windowMs` is idle: at most a tenth of one core. */
export function isQuiet(cpuSeconds: number, windowMs: number): boolean {
  return cpuSeconds * 1000 <= windowMs / 10;
}

/**
 * Waits until the server has been (nearly) idle for `quietMs` — at most 10 % of a core, which
 * leaves room for the flag poll and a sampling profiler — so the next measurement does not
 * carry work left over from the previous phase (disconnect marks, garbage collection). Gives
 * up quietly after `maxMs`: a busy server is not an error here.
 */
export async function quiesce(server: { stats(): ProcStats }, opts: { quietMs?: number; maxMs?: number } = {}): Promise<void> {
  const quietMs = opts.quietMs ?? 300;
  const deadline = Date.now() + (opts.maxMs ?? 30_000);
  let last = server.stats().cpuSeconds;
  while (Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, quietMs));
    const now = server.stats().cpuSeconds;
    if (isQuiet(now - last, quietMs)) return;
    last = now;
  }
}
