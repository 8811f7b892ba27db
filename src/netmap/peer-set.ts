/**
 * A set of peers of one snapshot, by index into the key-sorted peer list: a sorted list for
 * iteration (ascending index = WireGuard key order) and a byte map for O(1) membership.
 */
export interface PeerSet {
  readonly list: Int32Array;
  readonly has: Uint8Array;
}

/** Builds a set over `size` peers from indexes (duplicates ignored). */
export function peerSetOf(size: number, members: Iterable<number>): PeerSet {
  const has = new Uint8Array(size);
  const list: number[] = [];
  for (const i of members) {
    if (has[i] === 1) continue;
    has[i] = 1;
    list.push(i);
  }
  return { list: Int32Array.from(list).sort(), has };
}

/** Sorted union of two sorted, duplicate-free index lists. */
export function mergeSorted(a: Int32Array, b: Int32Array): Int32Array {
  const out = new Int32Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) j++;
    out[k++] = x <= y ? (i++, x) : (j++, y);
  }
  while (i < a.length) out[k++] = a[i++]!;
  while (j < b.length) out[k++] = b[j++]!;
  return out.subarray(0, k);
}

/** The first position in ascending `list` whose value is not below `x` (`list.length` if none). */
export function lowerBound(list: Int32Array, x: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
