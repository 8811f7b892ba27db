import type { AccountSnapshot, Peer } from '../domain/model.js';
import { computeNetworkMap } from '../netmap/index.js';

/**
 * The peers `peerId` can reach: those in its network map, connected-eligible first and then
 * the login-expired ("offline") ones, as upstream lists them. Computed with the same pure
 * network map the Sync path sends, so the API and the clients agree.
 */
export function accessiblePeers(snapshot: AccountSnapshot, peerId: string, now: number, dnsDomain: string): Peer[] {
  const map = computeNetworkMap({ snapshot, peerId, now, dnsDomain });
  const byKey = new Map(snapshot.peers.map((p) => [p.key, p]));
  return [...map.remotePeers, ...map.offlinePeers].flatMap((r) => {
    const p = byKey.get(r.wgPubKey);
    return p === undefined ? [] : [p];
  });
}
