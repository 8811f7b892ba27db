import type { DomainDeps } from '../domain-deps.js';
import type { Peer } from '../model.js';
import { isLoginExpiredByTime } from './login-expiry.js';
import { expireLoginsWhere } from './mark-logins-expired.js';

/**
 * The login-expiration job's step for one account (SEMANTICS.md §5.2): marks SSO peers whose
 * login ran out — connected or not, as upstream's job does — as expired and disconnected,
 * bumps the serial once if any were, and returns them. NotFound for an unknown account.
 */
export function expirePeerLogins(deps: DomainDeps, accountId: string): Promise<Peer[]> {
  return expireLoginsWhere(deps, accountId, isLoginExpiredByTime);
}
