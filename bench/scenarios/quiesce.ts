import type { ServerUnderTest } from '../server-under-test.js';

/**
 * Waits until the server has been (nearly) idle for `quietMs` — under 5 % of a core — so the
 * next measurement does not carry work left over from the previous phase (disconnect marks,
 * garbage collection). Gives up quietly after `maxMs`: a busy server is not an error here.
 */
export async function quiesce(server: ServerUnderTest, opts: { quietMs?: number; maxMs?: number } = {}): Promise<void> {
  const quietMs = opts.quietMs ?? 300;
  const deadline = Date.now() + (opts.maxMs ?? 30_000);
  let last = server.stats().cpuSeconds;
  let quietSince = Date.now();
  while (Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    const now = server.stats().cpuSeconds;
    if (now - last > 0.005) quietSince = Date.now();
    last = now;
    if (Date.now() - quietSince >= quietMs) return;
  }
}
