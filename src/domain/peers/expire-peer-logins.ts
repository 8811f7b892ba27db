import type { DomainDeps } from '../domain-deps.js';
import { notFound } from '../errors.js';
import type { Peer } from '../model.js';
import { transact } from '../transact.js';
import { isLoginExpiredByTime } from './login-expiry.js';
import { markLoginsExpired } from './mark-logins-expired.js';

/**
 * The login-expiration job's step for one account (SEMANTICS.md §5.2): marks SSO peers whose
 * login ran out — connected or not, as upstream's job does — as expired and disconnected,
 * bumps the serial once if any were, and returns them. NotFound for an unknown account.
 */
export async function expirePeerLogins(deps: DomainDeps, accountId: string): Promise<Peer[]> {
  const now = deps.clock.now();
  return transact(deps, async (tx) => {
    const account = await tx.accounts.get(accountId);
    if (account === undefined) throw notFound(`account ${accountId} not found`);
    const due = (p: Peer) => isLoginExpiredByTime(p, account.settings, now);
    const candidates = (await tx.peers.list(accountId)).filter((p) => !p.loginExpired && due(p));
    return markLoginsExpired(tx, accountId, candidates, due);
  });
}
