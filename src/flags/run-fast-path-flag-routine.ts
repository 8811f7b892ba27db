import { FastPathFlag, disabledFastPathFlag } from './fast-path-flag.js';
import type { FlagLogger } from './flag-logger.js';
import { parseFastPathFlag } from './parse-fast-path-flag.js';
import { pollKey } from './poll-key.js';
import type { RedisLike } from './redis-like.js';

/** The key polled when none is configured (upstream `DefaultFastPathFlagKey`). */
export const DEFAULT_FAST_PATH_FLAG_KEY = 'peerSyncFastPath';
/** Upstream's poll interval. */
export const DEFAULT_FAST_PATH_FLAG_INTERVAL_MS = 60_000;
/** Upstream's per-read deadline. */
export const DEFAULT_FLAG_READ_TIMEOUT_MS = 5_000;

export interface FastPathFlagRoutineOptions {
  /** Where the switch lives; `undefined` → the fast path is permanently disabled. */
  readonly redis: RedisLike | undefined;
  /** Default `peerSyncFastPath`; an empty string also means the default. */
  readonly key?: string;
  /** Default one minute. */
  readonly intervalMs?: number;
  /** Default 5 s. */
  readonly readTimeoutMs?: number;
  readonly logger: FlagLogger;
  /** Stops the polling. */
  readonly signal: AbortSignal;
}

/**
 * Starts polling the fast-path switch and returns the flag it drives (SEMANTICS.md §7.2, the
 * fail-closed variant): read once at once, then every interval. A value is parsed with
 * `parseFastPathFlag`; a missing key disables; any read error or timeout disables too, until a
 * later successful read says otherwise. Transitions are logged at info; the first failure of a
 * run of failures at error, repeats at debug. The caller owns (and closes) `redis`.
 */
export function runFastPathFlagRoutine(options: FastPathFlagRoutineOptions): FastPathFlag {
  const { redis, logger } = options;
  if (redis === undefined) {
    logger.info({}, 'no Redis configured for the fast-path switch; the Sync fast path stays disabled');
    return disabledFastPathFlag;
  }
  const key = options.key || DEFAULT_FAST_PATH_FLAG_KEY;
  const flag = new FastPathFlag();
  let failing = false;

  const apply = (on: boolean, cause: string): void => {
    if (flag.set(on)) logger.info({ key, enabled: on, cause }, `Sync fast path ${on ? 'enabled' : 'disabled'}`);
  };

  pollKey({
    redis,
    key,
    intervalMs: options.intervalMs ?? DEFAULT_FAST_PATH_FLAG_INTERVAL_MS,
    readTimeoutMs: options.readTimeoutMs ?? DEFAULT_FLAG_READ_TIMEOUT_MS,
    signal: options.signal,
    onValue: (value) => {
      if (failing) logger.info({ key }, 'fast-path switch readable again');
      failing = false;
      apply(parseFastPathFlag(value), value === null ? 'key missing' : 'value read');
    },
    onError: (err) => {
      const log = failing ? logger.debug : logger.error;
      log.call(logger, { err, key }, 'reading the fast-path switch failed; fast path disabled (fail closed)');
      failing = true;
      apply(false, 'read error');
    },
  }).catch((err: unknown) => {
    flag.set(false);
    logger.error({ err, key }, 'fast-path switch routine stopped unexpectedly; fast path disabled');
  });
  return flag;
}
