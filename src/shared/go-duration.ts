import { invalidArgument } from '../domain/errors.js';

/** Nanoseconds per unit; Go accepts both the micro sign (U+00B5) and Greek mu (U+03BC). */
const UNIT_NS: Readonly<Record<string, bigint>> = {
  ns: 1n,
  us: 1_000n,
  'µs': 1_000n,
  'μs': 1_000n,
  ms: 1_000_000n,
  s: 1_000_000_000n,
  m: 60_000_000_000n,
  h: 3_600_000_000_000n,
};

/** Go's time.Duration is an int64 of nanoseconds; larger values are rejected as in Go. */
const MAX_NS = (1n << 63n) - 1n;
const NS_PER_MS = 1_000_000n;

/** One `<number><unit>` component, matched at a fixed position (sticky). */
const COMPONENT = /(\d*)(?:\.(\d*))?([^\d.]+)/y;

/**
 * Parses a Go duration string (`time.ParseDuration` syntax: `500ms`, `1s`, `1m`, `1h30m`,
 * `1.5h`, `300us`, `-2s`, a lone `0`) into milliseconds.
 *
 * Surrounding whitespace is ignored (values come from env vars). Fractions of a nanosecond are
 * truncated as Go does. The result is a whole number of milliseconds: a sub-millisecond
 * remainder is rounded away from zero, so `300us` → 1 and `1001us` → 2 — a non-zero duration
 * never becomes a zero-length timer.
 *
 * @throws RoostError InvalidArgument on empty input, a missing or unknown unit, a number
 *   without digits, or a value beyond Go's int64-nanosecond range.
 */
export function parseGoDuration(text: string): number {
  const s = text.trim();
  let pos = 0;
  let negative = false;
  if (s[0] === '-' || s[0] === '+') {
    negative = s[0] === '-';
    pos = 1;
  }
  if (s.slice(pos) === '0') return 0;
  if (pos === s.length) throw invalidArgument(`invalid duration ${JSON.stringify(text)}`);

  let totalNs = 0n;
  while (pos < s.length) {
    COMPONENT.lastIndex = pos;
    const m = COMPONENT.exec(s);
    if (m === null) throw invalidArgument(`invalid duration ${JSON.stringify(text)}`);
    totalNs += componentNs(m[1] ?? '', m[2] ?? '', m[3] ?? '', text);
    if (totalNs > MAX_NS) throw invalidArgument(`duration out of range ${JSON.stringify(text)}`);
    pos = COMPONENT.lastIndex;
  }
  const ms = Number(ceilDiv(totalNs, NS_PER_MS));
  return negative && ms !== 0 ? -ms : ms;
}

/** Nanoseconds of one component; the fraction is scaled exactly and then truncated. */
function componentNs(intDigits: string, fracDigits: string, unit: string, text: string): bigint {
  if (intDigits === '' && fracDigits === '') {
    throw invalidArgument(`invalid duration ${JSON.stringify(text)}`);
  }
  const unitNs = UNIT_NS[unit];
  if (unitNs === undefined) {
    const what = unit === '' ? 'missing unit' : `unknown unit ${JSON.stringify(unit)}`;
    throw invalidArgument(`${what} in duration ${JSON.stringify(text)}`);
  }
  const whole = BigInt(intDigits === '' ? '0' : intDigits) * unitNs;
  if (fracDigits === '') return whole;
  const scale = 10n ** BigInt(fracDigits.length);
  return whole + (BigInt(fracDigits) * unitNs) / scale;
}

function ceilDiv(a: bigint, b: bigint): bigint {
  return (a + b - 1n) / b;
}
