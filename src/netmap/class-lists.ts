/**
 * The big lists of a map — remote-peer entries and the peer zone's records — built once per
 * receiver class and DNS view (see ClassConnections), so each receiver's map is a shared array
 * with itself left out (a ListCut, no copy) or put in, not a walk over thousands of peers.
 */
import type { DnsView } from './dns-view.js';
import type { RemotePeer, SimpleRecord } from './network-map.js';
import type { ClassConnections } from './policy-connections.js';
import { lowerBound } from './peer-set.js';
import { type ListCut, whole } from './list-cut.js';

interface ClassLists {
  /** Remote-peer entry per position of the class ACL. */
  readonly remotes: readonly RemotePeer[];
  /** Records of every peer of the class ACL, in ACL order. */
  readonly records: readonly SimpleRecord[];
  /** Where each ACL position's records start in `records`, plus the end. */
  readonly recordStart: Int32Array;
}

// Keyed by the per-snapshot class value: the lists go when the snapshot goes.
const memo = new WeakMap<ClassConnections, Map<DnsView, ClassLists>>();

function listsOf(shared: ClassConnections, view: DnsView): ClassLists {
  let byView = memo.get(shared);
  if (!byView) memo.set(shared, (byView = new Map()));
  let lists = byView.get(view);
  if (!lists) {
    const remotes: RemotePeer[] = [];
    const records: SimpleRecord[] = [];
    const recordStart = new Int32Array(shared.acl.length + 1);
    shared.acl.forEach((i, k) => {
      remotes.push(view.remote[i]!);
      recordStart[k] = records.length;
      for (const r of view.records[i]!) records.push(r);
    });
    recordStart[shared.acl.length] = records.length;
    byView.set(view, (lists = { remotes, records, recordStart }));
  }
  return lists;
}

/** The receiver's remote peers: the class's, without its own entry (`selfAt` ≥ 0), as a cut of them. */
export function classRemotePeers(shared: ClassConnections, view: DnsView, selfAt: number): ListCut<RemotePeer> {
  const { remotes } = listsOf(shared, view);
  return selfAt < 0 ? whole(remotes) : { list: remotes, skip: [selfAt] };
}

/**
 * The peer zone's records for the receiver and its ACL peers, in index order: the class's
 * records as they are when the receiver is in the class ACL, else with its own put in place.
 */
export function classZoneRecords(shared: ClassConnections, view: DnsView, receiverIndex: number, selfAt: number): readonly SimpleRecord[] {
  const { records, recordStart } = listsOf(shared, view);
  if (selfAt >= 0) return records;
  const own = view.records[receiverIndex]!;
  if (own.length === 0) return records;
  const at = recordStart[lowerBound(shared.acl, receiverIndex)]!;
  return records.slice(0, at).concat(own, records.slice(at));
}
