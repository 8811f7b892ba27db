/** Upstream's base62 alphabet: digits, upper case, lower case. */
export const BASE62_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Base62 of a non-negative integer, most significant digit first; `0` for zero. */
export function base62Encode(n: number): string {
  if (n === 0) return BASE62_ALPHABET[0] ?? '0';
  let out = '';
  for (let v = n; v > 0; v = Math.floor(v / 62)) out = (BASE62_ALPHABET[v % 62] ?? '') + out;
  return out;
}
