import type { AccountSettings, Peer } from '../model.js';

/** The soonest a scheduled look may come (upstream never arms its timer below one second). */
export const MIN_EXPIRY_DELAY_MS = 1_000;

type ExpiryPeer = Pick<Peer, 'userId' | 'loginExpirationEnabled' | 'loginExpired' | 'connected' | 'lastLogin'>;

/**
 * When the login-expiration job must next look at the account (SEMANTICS.md §5.2): the
 * earliest `lastLogin + peerLoginExpiration` among *connected*, not yet expired SSO peers with
 * their toggle on — disconnected ones are refused at their next Sync anyway. Undefined when the
 * account setting is off or nothing can expire; never sooner than one second after `now`.
 */
export function nextLoginExpiryAt(peers: readonly ExpiryPeer[], settings: Pick<AccountSettings, 'peerLoginExpirationEnabled' | 'peerLoginExpiration'>, now: number): number | undefined {
  if (!settings.peerLoginExpirationEnabled) return undefined;
  let next: number | undefined;
  for (const p of peers) {
    if (p.userId === '' || !p.loginExpirationEnabled || p.loginExpired || !p.connected) continue;
    const at = p.lastLogin + settings.peerLoginExpiration * 1000;
    if (next === undefined || at < next) next = at;
  }
  return next === undefined ? undefined : Math.max(next, now + MIN_EXPIRY_DELAY_MS);
}
