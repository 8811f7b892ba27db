import type { DomainDeps } from '../domain-deps.js';
import { notFound } from '../errors.js';
import { bumpSerial } from '../map-relevant-changes.js';
import type { Peer } from '../model.js';
import { transact } from '../transact.js';
import { isLoginExpiredByTime } from './login-expiry.js';

/**
 * The login-expiration job's step for one account (SEMANTICS.md §5.2): marks SSO peers whose
 * login ran out as expired and disconnected, bumps the serial once if any were, and returns
 * them (the caller closes their streams).
 */
export async function expirePeerLogins(deps: DomainDeps, accountId: string): Promise<Peer[]> {
  const now = deps.clock.now();
  return transact(deps, async (tx) => {
    const account = await tx.accounts.get(accountId);
    if (account === undefined) throw notFound(`account ${accountId} not found`);
    const expired = (await tx.peers.list(accountId))
      .filter((p) => !p.loginExpired && isLoginExpiredByTime(p, account.settings, now))
      .map((p) => ({ ...p, loginExpired: true, connected: false }));
    for (const p of expired) await tx.peers.update(p);
    if (expired.length > 0) await bumpSerial(tx, accountId, 'peer-login-expired');
    return expired;
  });
}
