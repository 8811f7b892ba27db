import { notFound, permissionDenied, type RoostError } from '../errors.js';
import type { AccountSettings, Peer, User } from '../model.js';
import { isPeerLoginExpired } from './login-expiry.js';

export type JwtPeerLogin = { readonly ok: true; readonly renew: boolean } | { readonly ok: false; readonly error: RoostError };

/**
 * A known peer's Login carrying a JWT (SEMANTICS.md §3.2, IDENTITY.md §2.6): the JWT's user must
 * own the peer (a setup-key peer has no owner), the owner must not be blocked (pending approval
 * counts as blocked), and an expired login is renewed. A login that has not expired is left as
 * it is: signing in early does not extend the session (as upstream).
 */
export function jwtPeerLogin(s: { peer: Peer; jwtUserId: string; owner: User | undefined; settings: AccountSettings; now: number }): JwtPeerLogin {
  if (s.peer.userId !== s.jwtUserId) return { ok: false, error: permissionDenied('peer is already registered by a different User or a Setup Key') };
  if (s.owner === undefined) return { ok: false, error: notFound(`user ${s.jwtUserId} not found`) };
  if (s.owner.blocked || s.owner.pendingApproval) return { ok: false, error: permissionDenied('user is blocked') };
  return { ok: true, renew: isPeerLoginExpired(s.peer, s.settings, s.now) };
}
