/**
 * One DNS label to ASCII as Go's `idna.Punycode.ToASCII` treats a label: an all-ASCII label is
 * returned as is, otherwise `xn--` + its RFC 3492 encoding (the `punycode` package; its
 * `punycode/punycode.js` path, not Node's deprecated built-in). No case mapping or validation:
 * that profile does none either.
 */
import punycode from 'punycode/punycode.js';

export function toAsciiLabel(label: string): string {
  // Not punycode's toASCII: it would also split the label at the ideographic full stops.
  return /^[\x00-\x7f]*$/.test(label) ? label : `xn--${punycode.encode(label)}`;
}
