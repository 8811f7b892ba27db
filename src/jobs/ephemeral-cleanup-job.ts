import { isEphemeralPeerDue } from '../domain/peers/ephemeral-peer-due.js';
import { nextEphemeralCleanupAt } from '../domain/peers/next-ephemeral-cleanup-at.js';
import type { PeerJobDeps } from './peer-job-deps.js';
import { runAccountJob, type AccountJob } from './run-account-job.js';

/**
 * Ephemeral peer cleanup: ephemeral peers disconnected for ten minutes are deleted, batched per
 * account within a one-minute window, published like a REST deletion. `since` is when this
 * process began watching: peers already offline then get the full ten minutes (as upstream).
 */
export function ephemeralCleanupJob(deps: Pick<PeerJobDeps, 'ports' | 'log' | 'streamingHere'>, since: number): AccountJob {
  const name = 'ephemeral-peer-cleanup';
  const keep = (peerId: string) => deps.streamingHere?.(peerId) ?? false;
  return {
    name,
    wants: (kind) => kind !== 'sso-peer',
    async look(accountId, now) {
      const account = await deps.ports.readAccount(accountId);
      if (account === undefined) return undefined;
      let peers = account.peers.filter((p) => p.ephemeral && !keep(p.id));
      if (peers.some((p) => isEphemeralPeerDue(p, now, since))) {
        const deleted = await deps.ports.deleteEphemeralPeers(accountId, { since, keep });
        if (deleted.length > 0) deps.log.info({ job: name, accountId, peers: deleted.map((p) => p.id) }, `deleted ${deleted.length} ephemeral peer(s) disconnected for 10 minutes`);
        const gone = new Set(deleted.map((p) => p.id));
        peers = peers.filter((p) => !gone.has(p.id));
      }
      return nextEphemeralCleanupAt(peers, since);
    },
  };
}

export function runEphemeralCleanupJob(deps: PeerJobDeps, signal: AbortSignal): Promise<void> {
  return runAccountJob(ephemeralCleanupJob(deps, deps.clock.now()), deps, signal);
}
