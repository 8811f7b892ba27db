/**
 * Runtime switches read from Redis while the server runs: the Sync fast-path kill switch
 * (fail closed: no Redis, a missing key or any read error means off) and the log-level
 * override. Each value rule is a pure function; the polling is one small loop bound to an
 * AbortSignal.
 *
 * This module must not decide what the fast path does (see `sync/`), must not read the
 * environment (the composition root passes addresses, keys and intervals), and must never
 * crash the process because Redis is unreachable.
 */
export { FastPathFlag, disabledFastPathFlag } from './fast-path-flag.js';
export { parseFastPathFlag } from './parse-fast-path-flag.js';
export type { RedisLike } from './redis-like.js';
export type { FlagLogger } from './flag-logger.js';
export { pollKey } from './poll-key.js';
export type { PollKeyOptions } from './poll-key.js';
export {
  runFastPathFlagRoutine,
  DEFAULT_FAST_PATH_FLAG_KEY,
  DEFAULT_FAST_PATH_FLAG_INTERVAL_MS,
  DEFAULT_FLAG_READ_TIMEOUT_MS,
} from './run-fast-path-flag-routine.js';
export type { FastPathFlagRoutineOptions } from './run-fast-path-flag-routine.js';
export { createFlagRedisClient, flagRedisOptions, flagReconnectDelayMs } from './create-flag-redis-client.js';
export type { FlagRedisClient, FlagRedisClientOptions } from './create-flag-redis-client.js';
export { parseLogLevel } from './parse-log-level.js';
export type { LogLevel } from './parse-log-level.js';
export {
  runLogLevelOverrider,
  logLevelFor,
  DEFAULT_LOG_LEVEL_KEY,
  DEFAULT_LOG_LEVEL_INTERVAL_MS,
} from './run-log-level-overrider.js';
export type { LevelLogger, LogLevelOverriderOptions } from './run-log-level-overrider.js';
