/**
 * Typed access to one raw upstream row for a kind's mapper: every getter names its column in
 * the MapError it throws, so a report says which value of which row could not be read.
 */
import type { RawRow } from './source/upstream-source.js';
import type { FieldDecryptor } from './values/field-decryptor.js';
import {
  decodeDurationSeconds,
  decodeFlag,
  decodeInt,
  decodeJson,
  decodeQuoted,
  decodeText,
  decodeTime,
  decodeTimeOrNull,
} from './values/upstream-values.js';

export class RowReader {
  constructor(
    readonly raw: RawRow,
    private readonly decryptor: FieldDecryptor,
    /** Hears a value this build drops on purpose (e.g. geolocation); printed by the dry run. */
    private readonly onNote: (message: string) => void,
  ) {}

  text = (c: string): string => decodeText(c, this.raw[c]);
  flag = (c: string): boolean => decodeFlag(c, this.raw[c]);
  int = (c: string): number => decodeInt(c, this.raw[c]);
  time = (c: string): number => decodeTime(c, this.raw[c]);
  timeOrNull = (c: string): number | null => decodeTimeOrNull(c, this.raw[c]);
  json = (c: string, whenEmpty: unknown = null): unknown => decodeJson(c, this.raw[c], whenEmpty);
  quoted = (c: string): string => decodeQuoted(c, this.raw[c]);
  seconds = (c: string): number => decodeDurationSeconds(c, this.raw[c]);
  decrypted = (c: string): string => this.decryptor(c, this.text(c));

  /** Records that a non-default value of `column` is not kept by this build. */
  dropIfSet(c: string, why: string): void {
    const v = this.raw[c];
    const empty = v === null || v === undefined || v === '' || v === 0 || v === '0' || v === false || v === '[]' || v === '{}' || v === '""' || v === 'null';
    if (!empty) this.onNote(`${c} = ${JSON.stringify(v instanceof Date ? v.toISOString() : String(v))} dropped: ${why}`);
  }
}
