import type { DomainDeps } from '../domain-deps.js';
import type { Peer } from '../model.js';
import { isPeerInactive } from './is-peer-inactive.js';
import { expireLoginsWhere } from './mark-logins-expired.js';

/**
 * The inactivity job's step for one account (SEMANTICS.md §5.2): SSO peers disconnected for
 * longer than `peerInactivityExpiration` are marked login-expired (they must log in again),
 * with one serial bump if any were. Returns them. NotFound for an unknown account.
 */
export function expireInactivePeers(deps: DomainDeps, accountId: string): Promise<Peer[]> {
  return expireLoginsWhere(deps, accountId, isPeerInactive);
}
