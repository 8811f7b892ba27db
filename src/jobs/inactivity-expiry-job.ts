import { isPeerInactive } from '../domain/peers/is-peer-inactive.js';
import { nextInactivityExpiryAt } from '../domain/peers/next-inactivity-expiry-at.js';
import { markExpired } from './mark-expired.js';
import type { PeerJobDeps } from './peer-job-deps.js';
import { runAccountJob, type AccountJob } from './run-account-job.js';

/**
 * Peer inactivity expiration (SEMANTICS.md §5.2): SSO peers disconnected for longer than
 * `peerInactivityExpiration` are marked login-expired (one serial bump per account); the account
 * is looked at again when the next disconnected peer would pass that limit.
 */
export function inactivityExpiryJob(deps: Pick<PeerJobDeps, 'ports' | 'log'>): AccountJob {
  const name = 'peer-inactivity-expiration';
  return {
    name,
    wants: (kind) => kind !== 'ephemeral-peer',
    async look(accountId, now) {
      const account = await deps.ports.readAccount(accountId);
      if (account === undefined) return undefined;
      let peers = account.peers;
      if (peers.some((p) => !p.loginExpired && isPeerInactive(p, account.settings, now))) {
        const expired = await deps.ports.expireInactivePeers(accountId);
        if (expired.length > 0) deps.log.info({ job: name, accountId, peers: expired.map((p) => p.id) }, `${expired.length} inactive peer(s) expired; they must log in again`);
        peers = markExpired(peers, expired);
      }
      return nextInactivityExpiryAt(peers, account.settings, now);
    },
  };
}

export function runInactivityExpiryJob(deps: PeerJobDeps, signal: AbortSignal): Promise<void> {
  return runAccountJob(inactivityExpiryJob(deps), deps, signal);
}
