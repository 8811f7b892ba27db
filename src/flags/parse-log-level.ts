/** The levels a runtime override may select (pino's names). */
export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal';

const LEVELS: ReadonlyMap<string, LogLevel> = new Map([
  ['trace', 'trace'],
  ['debug', 'debug'],
  ['info', 'info'],
  ['warn', 'warn'],
  ['warning', 'warn'], // logrus spelling, as upstream operators may write it
  ['error', 'error'],
  ['fatal', 'fatal'],
]);

/** A level name, trimmed and case-insensitive; `undefined` when it is not one. */
export function parseLogLevel(value: string): LogLevel | undefined {
  return LEVELS.get(value.trim().toLowerCase());
}
