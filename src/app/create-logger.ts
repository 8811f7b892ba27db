import pino, { type Logger } from 'pino';
import type { LogLevel } from '../config/config.js';

export type { Logger } from 'pino';

/** JSON logs to stderr (stdout is reserved for command output such as `roost init`'s token). */
export function createLogger(level: LogLevel): Logger {
  return pino({ level, base: { service: 'roost' } }, pino.destination({ fd: 2, sync: false }));
}
