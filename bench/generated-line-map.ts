const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_VALUE = new Map([...B64].map((ch, i) => [ch, i]));

/** One mapping segment: generated column → original line (0-based), on one generated line. */
export interface Segment {
  readonly column: number;
  readonly originalLine: number;
}

/** Decodes one base64-VLQ field list ("AAAA,IAAI" segments are split by the caller). */
export function decodeVlq(text: string): number[] {
  const out: number[] = [];
  let value = 0;
  let shift = 0;
  for (const ch of text) {
    const digit = B64_VALUE.get(ch);
    if (digit === undefined) throw new Error(`bad base64-VLQ character ${JSON.stringify(ch)}`);
    value += (digit & 31) << shift;
    if (digit & 32) shift += 5;
    else {
      out.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return out;
}

/**
 * The segments of every generated line of a source map's `mappings` (v3): fields are deltas —
 * the column resets per line, the original line runs on across lines.
 */
export function decodeMappings(mappings: string): Segment[][] {
  let originalLine = 0;
  return mappings.split(';').map((line) => {
    let column = 0;
    const segments: Segment[] = [];
    for (const seg of line.split(',')) {
      if (seg === '') continue;
      const f = decodeVlq(seg);
      column += f[0] ?? 0;
      if (f.length >= 4) {
        originalLine += f[2]!;
        segments.push({ column, originalLine });
      }
    }
    return segments;
  });
}

/** The original line (0-based) of the last segment at or before `column` on generated `line`. */
export function originalLineAt(lines: readonly (readonly Segment[])[], line: number, column: number): number | undefined {
  const segs = lines[line];
  if (!segs || segs.length === 0) return undefined;
  let lo = 0;
  let hi = segs.length - 1;
  if (segs[0]!.column > column) return segs[0]!.originalLine;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segs[mid]!.column <= column) lo = mid;
    else hi = mid - 1;
  }
  return segs[lo]!.originalLine;
}
