import type { DomainDeps } from '../domain-deps.js';
import { notFound } from '../errors.js';
import type { Peer } from '../model.js';
import { transact } from '../transact.js';
import { isPeerInactive } from './is-peer-inactive.js';
import { markLoginsExpired } from './mark-logins-expired.js';

/**
 * The inactivity job's step for one account (SEMANTICS.md §5.2): SSO peers disconnected for
 * longer than `peerInactivityExpiration` are marked login-expired (they must log in again),
 * with one serial bump if any were. Returns them. NotFound for an unknown account.
 */
export async function expireInactivePeers(deps: DomainDeps, accountId: string): Promise<Peer[]> {
  const now = deps.clock.now();
  return transact(deps, async (tx) => {
    const account = await tx.accounts.get(accountId);
    if (account === undefined) throw notFound(`account ${accountId} not found`);
    const due = (p: Peer) => isPeerInactive(p, account.settings, now);
    const candidates = (await tx.peers.list(accountId)).filter((p) => !p.loginExpired && due(p));
    return markLoginsExpired(tx, accountId, candidates, due);
  });
}
