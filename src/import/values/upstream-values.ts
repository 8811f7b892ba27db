/**
 * Pure decoders for the ways upstream NetBird (GORM) stores single values on SQLite and
 * PostgreSQL: 0/1 or true/false flags, Go time text or Date, int64 as text, JSON-quoted strings,
 * nanosecond durations. Each throws a MapError naming the column instead of guessing.
 */
import { fail } from './map-error.js';

/** Go's zero time (`time.Time{}`) as GORM writes it; means "never". */
const GO_ZERO_YEAR = 1;

export function decodeFlag(column: string, v: unknown): boolean {
  if (v === null || v === undefined) return false;
  if (v === true || v === 1 || v === 1n || v === '1' || v === 't' || v === 'true') return true;
  if (v === false || v === 0 || v === 0n || v === '0' || v === 'f' || v === 'false') return false;
  return fail(column, `not a boolean: ${JSON.stringify(String(v))}`);
}

export function decodeInt(column: string, v: unknown): number {
  if (v === null || v === undefined) return 0;
  const n = typeof v === 'bigint' ? Number(v) : typeof v === 'string' && /^-?\d+$/.test(v) ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isSafeInteger(n)) return fail(column, `not an integer: ${JSON.stringify(String(v))}`);
  return n;
}

export function decodeText(column: string, v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v !== 'string') return fail(column, `not text: ${typeof v}`);
  return v;
}

/**
 * A timestamp as epoch ms, or null for NULL / Go's zero time. SQLite holds Go's text form
 * (`2026-12-03 08:37:33.408864042+00:00`, ns precision, cut to ms); PostgreSQL a Date.
 */
export function decodeTimeOrNull(column: string, v: unknown): number | null {
  if (v === null || v === undefined || v === '') return null;
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return fail(column, 'invalid date');
    return v.getUTCFullYear() <= GO_ZERO_YEAR ? null : v.getTime();
  }
  if (typeof v !== 'string') return fail(column, `not a timestamp: ${typeof v}`);
  const m = /^(\d{4})-(\d\d)-(\d\d)[ T](\d\d):(\d\d):(\d\d)(?:\.(\d+))?\s*(Z|[+-]\d\d(?::?\d\d)?)?(?: [A-Z]+)?$/.exec(v.trim());
  if (!m) return fail(column, `not a timestamp: ${JSON.stringify(v)}`);
  const [, y, mo, d, h, mi, s, frac = '', zone = 'Z'] = m;
  if (Number(y) <= GO_ZERO_YEAR) return null;
  const ms = (frac + '000').slice(0, 3);
  const tz = zone === 'Z' ? 'Z' : zone.length === 3 ? `${zone}:00` : zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
  const t = Date.parse(`${y}-${mo}-${d}T${h}:${mi}:${s}.${ms}${tz}`);
  if (Number.isNaN(t)) return fail(column, `not a timestamp: ${JSON.stringify(v)}`);
  return t;
}

/** Like decodeTimeOrNull, for columns Roost requires: a missing time is an error. */
export function decodeTime(column: string, v: unknown): number {
  return decodeTimeOrNull(column, v) ?? fail(column, 'missing timestamp');
}

/** A Go value GORM stored as JSON (`"100.64.0.1"`); an unquoted plain string is accepted as is. */
export function decodeQuoted(column: string, v: unknown): string {
  const text = decodeText(column, v);
  if (!text.startsWith('"')) return text;
  const parsed = decodeJson(column, text);
  return typeof parsed === 'string' ? parsed : fail(column, `not a JSON string: ${text}`);
}

/** A JSON text column; NULL and '' decode to `whenEmpty`. */
export function decodeJson(column: string, v: unknown, whenEmpty: unknown = null): unknown {
  if (v === null || v === undefined || v === '') return whenEmpty;
  if (typeof v !== 'string') return v; // a json/jsonb column already parsed by the driver
  try {
    return JSON.parse(v) as unknown;
  } catch (err) {
    return fail(column, `broken JSON (${(err as Error).message}): ${v.length > 80 ? `${v.slice(0, 80)}…` : v}`);
  }
}

/** A Go `time.Duration` (int64 nanoseconds) as whole seconds; a fraction is refused, not rounded. */
export function decodeDurationSeconds(column: string, v: unknown): number {
  const raw = typeof v === 'string' && /^-?\d+$/.test(v) ? BigInt(v) : typeof v === 'number' ? BigInt(v) : typeof v === 'bigint' ? v : null;
  if (raw === null) return v === null || v === undefined ? 0 : fail(column, `not a duration: ${JSON.stringify(String(v))}`);
  if (raw % 1_000_000_000n !== 0n) return fail(column, `duration ${raw}ns is not a whole number of seconds`);
  return Number(raw / 1_000_000_000n);
}
