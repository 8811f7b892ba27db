/**
 * RFC 3492 Punycode for one DNS label, as Go's `idna.Punycode.ToASCII` does it for a label:
 * an all-ASCII label is returned as is; otherwise `xn--` + the encoding. No case mapping or
 * validation (that profile does none either). Node's `punycode` module is deprecated.
 */
const BASE = 36;
const TMIN = 1;
const TMAX = 26;
const SKEW = 38;
const DAMP = 700;
const INITIAL_BIAS = 72;
const INITIAL_N = 128;

function adapt(delta: number, numPoints: number, firstTime: boolean): number {
  let d = firstTime ? Math.floor(delta / DAMP) : Math.floor(delta / 2);
  d += Math.floor(d / numPoints);
  let k = 0;
  while (d > ((BASE - TMIN) * TMAX) >> 1) {
    d = Math.floor(d / (BASE - TMIN));
    k += BASE;
  }
  return k + Math.floor(((BASE - TMIN + 1) * d) / (d + SKEW));
}

/** 0..25 → a..z, 26..35 → 0..9. */
const digit = (d: number): string => String.fromCharCode(d < 26 ? d + 97 : d + 22);

const threshold = (k: number, bias: number): number => (k <= bias ? TMIN : k >= bias + TMAX ? TMAX : k - bias);

/** Encodes `delta` as a generalised variable-length integer. */
function encodeDelta(delta: number, bias: number): string {
  let out = '';
  let q = delta;
  for (let k = BASE; ; k += BASE) {
    const t = threshold(k, bias);
    if (q < t) break;
    out += digit(t + ((q - t) % (BASE - t)));
    q = Math.floor((q - t) / (BASE - t));
  }
  return out + digit(q);
}

/** The raw Punycode encoding (without `xn--`). */
export function punycodeEncode(input: string): string {
  const cps = Array.from(input, (c) => c.codePointAt(0) ?? 0);
  let out = cps.filter((c) => c < INITIAL_N).map((c) => String.fromCodePoint(c)).join('');
  const basic = out.length;
  let handled = basic;
  if (basic > 0) out += '-';
  let n = INITIAL_N;
  let delta = 0;
  let bias = INITIAL_BIAS;
  while (handled < cps.length) {
    const m = Math.min(...cps.filter((c) => c >= n));
    delta += (m - n) * (handled + 1);
    n = m;
    for (const c of cps) {
      if (c < n) delta++;
      if (c !== n) continue;
      out += encodeDelta(delta, bias);
      bias = adapt(delta, handled + 1, handled === basic);
      delta = 0;
      handled++;
    }
    delta++;
    n++;
  }
  return out;
}

export function toAsciiLabel(label: string): string {
  return /^[\x00-\x7f]*$/.test(label) ? label : `xn--${punycodeEncode(label)}`;
}
