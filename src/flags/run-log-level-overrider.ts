import type { FlagLogger } from './flag-logger.js';
import { parseLogLevel } from './parse-log-level.js';
import { pollKey } from './poll-key.js';
import type { RedisLike } from './redis-like.js';
import { DEFAULT_FLAG_READ_TIMEOUT_MS } from './run-fast-path-flag-routine.js';

/** The key polled when none is configured. */
export const DEFAULT_LOG_LEVEL_KEY = 'managementLogLevel';
/** Five minutes, as upstream's settings overrider; the fast-path switch polls faster. */
export const DEFAULT_LOG_LEVEL_INTERVAL_MS = 5 * 60_000;

/** A logger whose level can be changed at run time (a pino logger). */
export interface LevelLogger extends FlagLogger {
  level: string;
}

export interface LogLevelOverriderOptions {
  /** Where the override lives; `undefined` → no override, nothing runs. */
  readonly redis: RedisLike | undefined;
  /** Default `managementLogLevel`; an empty string also means the default. */
  readonly key?: string;
  /** Default five minutes. */
  readonly intervalMs?: number;
  /** Default 5 s. */
  readonly readTimeoutMs?: number;
  /** The logger whose `level` is overridden (child loggers made earlier keep their level). */
  readonly logger: LevelLogger;
  /** The level from configuration, restored when the override is removed. */
  readonly configuredLevel: string;
  readonly signal: AbortSignal;
}

/**
 * What one successful read means: the level to run at, or `invalid` (keep the current level).
 * A missing key, or an empty value, is "no override": back to the configured level.
 */
export function logLevelFor(value: string | null, configuredLevel: string): string | 'invalid' {
  if (value === null || value.trim() === '') return configuredLevel;
  return parseLogLevel(value) ?? 'invalid';
}

/**
 * Polls a Redis key holding a log level name (`trace|debug|info|warn|warning|error|fatal`, any
 * case) — read at once, then every interval — and sets `logger.level` to it. An invalid value
 * is warned about (once per distinct value) and ignored; a missing key restores
 * `configuredLevel`; a read error keeps the current level (logged at debug). Changes are
 * logged at info just before they are applied. Resolves once `signal` aborts; never rejects.
 * The caller owns (and closes) `redis`.
 */
export async function runLogLevelOverrider(options: LogLevelOverriderOptions): Promise<void> {
  const { redis, logger, configuredLevel } = options;
  if (redis === undefined) return;
  const key = options.key || DEFAULT_LOG_LEVEL_KEY;
  let lastInvalid: string | undefined;

  await pollKey({
    redis,
    key,
    intervalMs: options.intervalMs ?? DEFAULT_LOG_LEVEL_INTERVAL_MS,
    readTimeoutMs: options.readTimeoutMs ?? DEFAULT_FLAG_READ_TIMEOUT_MS,
    signal: options.signal,
    onValue: (value) => {
      const level = logLevelFor(value, configuredLevel);
      if (level === 'invalid') {
        if (value !== lastInvalid) logger.warn({ key, value }, 'ignoring an invalid log level override');
        lastInvalid = value ?? undefined;
        return;
      }
      lastInvalid = undefined;
      if (logger.level === level) return;
      logger.info({ key, from: logger.level, to: level }, 'log level changed at run time');
      logger.level = level;
    },
    onError: (err) => logger.debug({ err, key }, 'reading the log level override failed; level kept'),
  }).catch(() => {});
}
