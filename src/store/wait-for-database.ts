import { setTimeout as sleepFor } from 'node:timers/promises';
import { isRoostError } from '../domain/errors.js';
import { retryDelayMs } from './retry-delay-ms.js';

export interface WaitLogger {
  warn(obj: object, msg: string): void;
}

export interface WaitForDatabaseOptions {
  readonly log: WaitLogger;
  /** Aborting (SIGTERM) ends the wait: the pending pause rejects with an AbortError. */
  readonly signal?: AbortSignal | undefined;
  readonly delayMs?: (attempt: number) => number;
  /** Injected by tests; must reject when `signal` aborts. */
  readonly sleep?: (ms: number, signal: AbortSignal | undefined) => Promise<void>;
}

const defaultSleep = (ms: number, signal: AbortSignal | undefined) => sleepFor(ms, undefined, signal ? { signal } : {});

/**
 * Runs `task` (the start-up migration) until it succeeds, pausing between attempts while it
 * fails with `Unavailable` — a database that is still starting or restarting. Every other
 * error (bad credentials, missing database, failing migration) is thrown at once.
 */
export async function waitForDatabase<T>(task: () => Promise<T>, opts: WaitForDatabaseOptions): Promise<T> {
  const delayMs = opts.delayMs ?? retryDelayMs;
  const sleep = opts.sleep ?? defaultSleep;
  for (let attempt = 1; ; attempt++) {
    opts.signal?.throwIfAborted();
    try {
      return await task();
    } catch (err) {
      if (!isRoostError(err, 'Unavailable')) throw err;
      const retryInMs = delayMs(attempt);
      const why = err.cause instanceof Error ? err.cause.message : err.message;
      opts.log.warn({ err: err.cause ?? err, attempt, retryInMs }, `database unavailable at start-up (${why}); retrying in ${retryInMs} ms`);
      await sleep(retryInMs, opts.signal);
    }
  }
}
