import type { FlagLogger } from '../flag-logger.js';

export interface LogRecord {
  readonly level: 'debug' | 'info' | 'warn' | 'error';
  readonly obj: object;
  readonly msg: string;
}

/** A test logger that keeps every record; `level` is settable like pino's. */
export class RecordingLogger implements FlagLogger {
  readonly records: LogRecord[] = [];
  level = 'info';

  debug(obj: object, msg: string): void {
    this.records.push({ level: 'debug', obj, msg });
  }
  info(obj: object, msg: string): void {
    this.records.push({ level: 'info', obj, msg });
  }
  warn(obj: object, msg: string): void {
    this.records.push({ level: 'warn', obj, msg });
  }
  error(obj: object, msg: string): void {
    this.records.push({ level: 'error', obj, msg });
  }

  /** Messages at `level`. */
  messages(level: LogRecord['level']): string[] {
    return this.records.filter((r) => r.level === level).map((r) => r.msg);
  }
}
