import type { AccountSettings, Peer } from '../model.js';

export type InactivityPeer = Pick<Peer, 'userId' | 'inactivityExpirationEnabled' | 'connected' | 'lastSeen'>;
export type InactivitySettings = Pick<AccountSettings, 'peerInactivityExpirationEnabled' | 'peerInactivityExpiration'>;

/**
 * The inactivity predicate (SEMANTICS.md §1.3 `SessionExpired`) behind the account setting:
 * an SSO peer with its toggle on, not connected, last seen at least `peerInactivityExpiration`
 * ago. Setup-key peers never expire.
 */
export function isPeerInactive(peer: InactivityPeer, settings: InactivitySettings, now: number): boolean {
  return (
    settings.peerInactivityExpirationEnabled &&
    peer.userId !== '' &&
    peer.inactivityExpirationEnabled &&
    !peer.connected &&
    peer.lastSeen + settings.peerInactivityExpiration * 1000 <= now
  );
}
