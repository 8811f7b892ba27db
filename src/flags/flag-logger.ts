/** The logging the flag routines do; pino loggers satisfy it. */
export interface FlagLogger {
  debug(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}
