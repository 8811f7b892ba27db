/**
 * A receiver's remote peers and firewall rules are, in most accounts, its class's shared lists
 * with its own entries left out (class-lists.ts, policy-connections.ts). Copying them into every
 * map was most of what a full map allocated (≈ 120 KiB per 5,000-peer allow-all map), only for
 * the encoder to walk the copy once. So a computed map keeps the shared list and the left-out
 * positions — a cut — and materialises `remotePeers` / `firewallRules` on first read only; the
 * encoder and the map-size metric read the cut (`listCutOf`, `listLength`) and never copy.
 */
import type { NetworkMap } from './network-map.js';

/** `list` without the entries at `skip` (ascending, distinct, each < list.length). */
export interface ListCut<T> {
  readonly list: readonly T[];
  readonly skip: readonly number[];
}

type CutKey = 'remotePeers' | 'firewallRules';
type Element<K extends CutKey> = NetworkMap[K][number];
type Cuts = { readonly [K in CutKey]: ListCut<Element<K>> };

/** The `skip` of a cut leaving nothing out. */
export const NO_SKIP: readonly number[] = Object.freeze([]);
const cuts = new WeakMap<object, Cuts>();

/** A cut leaving nothing out. */
export function whole<T>(list: readonly T[]): ListCut<T> {
  return { list, skip: NO_SKIP };
}

/** How many entries a cut keeps. */
export function cutLength(cut: ListCut<unknown>): number {
  return cut.list.length - cut.skip.length;
}

/** The entries a cut keeps, as an array: the shared list itself when nothing is left out. */
export function materialize<T>({ list, skip }: ListCut<T>): readonly T[] {
  if (skip.length === 0) return list;
  // One copy of the exact size, compacted in place (w ≤ k: out[k] is still list[k] when read).
  const out = list.slice();
  let w = skip[0]!;
  for (let k = w, j = 0; k < out.length; k++) {
    if (k === skip[j]) j++;
    else out[w++] = out[k]!;
  }
  out.length = w;
  return out;
}

/**
 * `map` with `remotePeers` and `firewallRules` read from the given cuts: each becomes a plain
 * value on first read (so tests and REST see ordinary arrays), and the cuts stay readable
 * through `listCutOf` for the map's lifetime.
 */
export function withListCuts<M extends Pick<NetworkMap, CutKey>>(map: M, given: Cuts): M {
  cuts.set(map, given);
  for (const key of ['remotePeers', 'firewallRules'] as const) {
    const cut = given[key] as ListCut<unknown>;
    Object.defineProperty(map, key, {
      enumerable: true,
      configurable: true,
      get() {
        const value = materialize(cut);
        Object.defineProperty(map, key, { value, enumerable: true, configurable: true, writable: false });
        return value;
      },
    });
  }
  return map;
}

/** The cut behind `map[key]`: the one given to withListCuts, else the whole array. */
export function listCutOf<K extends CutKey>(map: Pick<NetworkMap, K>, key: K): ListCut<Element<K>> {
  return (cuts.get(map)?.[key] as ListCut<Element<K>> | undefined) ?? whole(map[key] as readonly Element<K>[]);
}

/** `map[key].length` without materialising it. */
export function listLength(map: Pick<NetworkMap, CutKey>, key: CutKey): number {
  return cutLength(listCutOf(map, key));
}
