import type { AccountSnapshot, Peer } from '../domain/model.js';

/**
 * Whether `snapshot` records the streaming peer's login as expired (the expiry jobs or a user
 * block set the flag and bump the serial). Upstream closes such a peer's update channel: the
 * stream ends normally and its next Sync is refused until the user logs in again. Setup-key
 * peers never expire, so their streams skip the search.
 */
export function loginExpiredIn(snapshot: Pick<AccountSnapshot, 'peers'>, peer: Pick<Peer, 'id' | 'userId'>): boolean {
  if (peer.userId === '') return false;
  return snapshot.peers.find((p) => p.id === peer.id)?.loginExpired === true;
}
