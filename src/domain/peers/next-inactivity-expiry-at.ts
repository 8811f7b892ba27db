import type { Peer } from '../model.js';
import type { InactivityPeer, InactivitySettings } from './is-peer-inactive.js';
import { MIN_EXPIRY_DELAY_MS } from './next-login-expiry-at.js';

/**
 * When the inactivity job must next look at the account (SEMANTICS.md §5.2): the earliest
 * `lastSeen + peerInactivityExpiration` among *disconnected*, not yet expired SSO peers with
 * their inactivity toggle on. Undefined when the setting is off or nothing can expire; never
 * sooner than one second after `now`.
 */
export function nextInactivityExpiryAt(peers: readonly (InactivityPeer & Pick<Peer, 'loginExpired'>)[], settings: InactivitySettings, now: number): number | undefined {
  if (!settings.peerInactivityExpirationEnabled) return undefined;
  let next: number | undefined;
  for (const p of peers) {
    if (p.userId === '' || !p.inactivityExpirationEnabled || p.loginExpired || p.connected) continue;
    const at = p.lastSeen + settings.peerInactivityExpiration * 1000;
    if (next === undefined || at < next) next = at;
  }
  return next === undefined ? undefined : Math.max(next, now + MIN_EXPIRY_DELAY_MS);
}
