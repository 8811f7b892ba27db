import type { AccountSettings, Millis, Peer } from '../domain/model.js';

type ExpirySettings = Pick<AccountSettings, 'peerLoginExpirationEnabled' | 'peerLoginExpiration'>;
type ExpiryPeer = Pick<Peer, 'userId' | 'loginExpirationEnabled' | 'lastLogin'>;

/**
 * Login expired by elapsed time (SEMANTICS.md §1.3/§4.4): only SSO-added peers with their own
 * toggle on, only while the account setting is on; expired when `lastLogin + d <= now`. The
 * stored `loginExpired` flag is deliberately not consulted.
 */
export function isPeerLoginExpired(peer: ExpiryPeer, settings: ExpirySettings, now: Millis): boolean {
  if (!settings.peerLoginExpirationEnabled) return false;
  if (peer.userId === '' || !peer.loginExpirationEnabled) return false;
  return peer.lastLogin + settings.peerLoginExpiration * 1000 <= now;
}
