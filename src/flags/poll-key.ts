import { setTimeout as sleep } from 'node:timers/promises';
import type { RedisLike } from './redis-like.js';

export interface PollKeyOptions {
  readonly redis: RedisLike;
  readonly key: string;
  /** Pause between the end of one read and the start of the next. */
  readonly intervalMs: number;
  /** A read not answered within this is reported as an error. */
  readonly readTimeoutMs: number;
  /** Stops the loop; nothing is reported after it aborts. */
  readonly signal: AbortSignal;
  /** Each successful read: the value, or `null` for a missing key. */
  onValue(value: string | null): void;
  /** Each failed or timed-out read. */
  onError(err: unknown): void;
}

/**
 * Reads `key` once at once and then after every interval until `signal` aborts. Reads never
 * overlap. The timers are unref'd, so a forgotten loop never keeps the process alive.
 * Resolves once stopped; rejects only if a callback throws.
 */
export async function pollKey(options: PollKeyOptions): Promise<void> {
  const { signal } = options;
  while (!signal.aborted) {
    let read: { ok: true; value: string | null } | { ok: false; err: unknown };
    try {
      read = { ok: true, value: await readWithTimeout(options.redis, options.key, options.readTimeoutMs, signal) };
    } catch (err) {
      read = { ok: false, err };
    }
    if (signal.aborted) return;
    if (read.ok) options.onValue(read.value);
    else options.onError(read.err);
    try {
      await sleep(options.intervalMs, undefined, { signal, ref: false });
    } catch {
      return; // aborted
    }
  }
}

/** One read, given up on after `timeoutMs` or as soon as `signal` aborts. */
async function readWithTimeout(redis: RedisLike, key: string, timeoutMs: number, signal: AbortSignal): Promise<string | null> {
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  const giveUp = new Promise<never>((_, reject) => {
    // Judged only after the event loop's next I/O pass (setImmediate): after a stall of the
    // whole process, the timer fires before the already-received reply is read, and a local
    // stall must not count as Redis failing (it would turn the fast path off for nothing).
    timer = setTimeout(() => setImmediate(() => reject(new Error(`reading ${key} timed out after ${timeoutMs} ms`))), timeoutMs);
    timer.unref();
    onAbort = () => reject(new Error('stopped'));
    signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([redis.get(key), giveUp]);
  } finally {
    clearTimeout(timer);
    if (onAbort !== undefined) signal.removeEventListener('abort', onAbort);
  }
}
