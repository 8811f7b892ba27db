import { isLoginExpiredByTime } from '../domain/peers/login-expiry.js';
import { nextLoginExpiryAt } from '../domain/peers/next-login-expiry-at.js';
import { expiryJob } from './expiry-job.js';
import type { PeerJobDeps } from './peer-job-deps.js';
import { runAccountJob, type AccountJob } from './run-account-job.js';

/**
 * Peer login expiration (SEMANTICS.md §5.2): SSO peers whose `lastLogin + peerLoginExpiration`
 * has passed are marked login-expired — one serial bump per account, every map pushed again,
 * the expired peers' streams ended — and the account is looked at again at the next expiry of
 * a connected peer.
 */
export function loginExpiryJob(deps: Pick<PeerJobDeps, 'ports' | 'log'>): AccountJob {
  return expiryJob(
    {
      name: 'peer-login-expiration',
      isDue: isLoginExpiredByTime,
      expire: (ports, accountId) => ports.expirePeerLogins(accountId),
      nextAt: nextLoginExpiryAt,
      says: (n) => `login expired for ${n} peer(s); they must log in again`,
    },
    deps,
  );
}

export function runLoginExpiryJob(deps: PeerJobDeps, signal: AbortSignal): Promise<void> {
  return runAccountJob(loginExpiryJob(deps), deps, signal);
}
