import { isLoginExpiredByTime } from '../domain/peers/login-expiry.js';
import { nextLoginExpiryAt } from '../domain/peers/next-login-expiry-at.js';
import { markExpired } from './mark-expired.js';
import type { PeerJobDeps } from './peer-job-deps.js';
import { runAccountJob, type AccountJob } from './run-account-job.js';

/**
 * Peer login expiration (SEMANTICS.md §5.2): SSO peers whose `lastLogin + peerLoginExpiration`
 * has passed are marked login-expired — one serial bump per account, every map pushed again,
 * the expired peers' streams ended — and the account is looked at again at the next expiry of
 * a connected peer.
 */
export function loginExpiryJob(deps: Pick<PeerJobDeps, 'ports' | 'log'>): AccountJob {
  const name = 'peer-login-expiration';
  return {
    name,
    wants: (kind) => kind !== 'ephemeral-peer',
    async look(accountId, now) {
      const account = await deps.ports.readAccount(accountId);
      if (account === undefined) return undefined;
      let peers = account.peers;
      if (peers.some((p) => !p.loginExpired && isLoginExpiredByTime(p, account.settings, now))) {
        const expired = await deps.ports.expirePeerLogins(accountId);
        if (expired.length > 0) deps.log.info({ job: name, accountId, peers: expired.map((p) => p.id) }, `login expired for ${expired.length} peer(s); they must log in again`);
        peers = markExpired(peers, expired);
      }
      return nextLoginExpiryAt(peers, account.settings, now);
    },
  };
}

export function runLoginExpiryJob(deps: PeerJobDeps, signal: AbortSignal): Promise<void> {
  return runAccountJob(loginExpiryJob(deps), deps, signal);
}
