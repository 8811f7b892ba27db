import type { AccountSettings, Peer } from '../model.js';

/** The SSO login-expiration predicate by time alone (SEMANTICS.md §1.3 `LoginExpired(d)`). */
export function isLoginExpiredByTime(peer: Peer, settings: AccountSettings, now: number): boolean {
  return (
    peer.userId !== '' &&
    settings.peerLoginExpirationEnabled &&
    peer.loginExpirationEnabled &&
    peer.lastLogin + settings.peerLoginExpiration * 1000 <= now
  );
}

/**
 * Whether a login of this peer must be refused until the user re-authenticates (§3.2):
 * setup-key peers never expire; SSO peers when expired by time or already marked expired.
 */
export function isPeerLoginExpired(peer: Peer, settings: AccountSettings, now: number): boolean {
  if (peer.userId === '') return false;
  return peer.loginExpired || isLoginExpiredByTime(peer, settings, now);
}
