import { isPeerInactive } from '../domain/peers/is-peer-inactive.js';
import { nextInactivityExpiryAt } from '../domain/peers/next-inactivity-expiry-at.js';
import { expiryJob } from './expiry-job.js';
import type { PeerJobDeps } from './peer-job-deps.js';
import { runAccountJob, type AccountJob } from './run-account-job.js';

/**
 * Peer inactivity expiration (SEMANTICS.md §5.2): SSO peers disconnected for longer than
 * `peerInactivityExpiration` are marked login-expired (one serial bump per account); the account
 * is looked at again when the next disconnected peer would pass that limit.
 */
export function inactivityExpiryJob(deps: Pick<PeerJobDeps, 'ports' | 'log'>): AccountJob {
  return expiryJob(
    {
      name: 'peer-inactivity-expiration',
      isDue: isPeerInactive,
      expire: (ports, accountId) => ports.expireInactivePeers(accountId),
      nextAt: nextInactivityExpiryAt,
      says: (n) => `${n} inactive peer(s) expired; they must log in again`,
    },
    deps,
  );
}

export function runInactivityExpiryJob(deps: PeerJobDeps, signal: AbortSignal): Promise<void> {
  return runAccountJob(inactivityExpiryJob(deps), deps, signal);
}
