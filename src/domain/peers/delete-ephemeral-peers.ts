import type { DomainDeps } from '../domain-deps.js';
import { bumpSerial } from '../map-relevant-changes.js';
import type { Peer } from '../model.js';
import { transact } from '../transact.js';
import { policiesRemovedWith, removePeer } from './delete-peer.js';
import { isEphemeralPeerDue } from './ephemeral-peer-due.js';
import { SYSTEM_INITIATOR } from '../activity/activity-event.js';
import { recordActivity, type ActivityNote } from '../activity/record-activity.js';
import { accountDnsDomain, peerEventMeta } from '../activity/event-meta.js';

export interface EphemeralCleanupRule {
  /** When the caller began watching (see `ephemeralDeadline`). */
  readonly since: number;
  /** Peers to spare whatever the store says, e.g. those streaming right now on this process. */
  readonly keep?: (peerId: string) => boolean;
}

/**
 * The ephemeral cleanup's step for one account: deletes, in one transaction, every ephemeral
 * peer that has been disconnected for the lifetime (`isEphemeralPeerDue`, re-checked under the
 * row lock so a reconnect wins), with what depends on it. One serial bump for the batch,
 * published with `deletedPeers`: their streams get an empty map and end, the others' maps drop
 * them — as a REST deletion. Returns the deleted peers; an unknown account deletes nothing.
 */
export async function deleteEphemeralPeers(deps: DomainDeps, accountId: string, rule: EphemeralCleanupRule): Promise<Peer[]> {
  const now = deps.clock.now();
  const due = (p: Peer) => isEphemeralPeerDue(p, now, rule.since) && !(rule.keep?.(p.id) ?? false);
  return transact(deps, async (tx) => {
    const deleted: Peer[] = [];
    const policyNotes: ActivityNote[] = [];
    for (const candidate of (await tx.peers.list(accountId)).filter(due)) {
      const peer = await tx.peers.get(accountId, candidate.id, true);
      if (peer === undefined || !due(peer)) continue;
      policyNotes.push(...policiesRemovedWith(peer, await removePeer(tx, peer), SYSTEM_INITIATOR));
      deleted.push(peer);
    }
    if (deleted.length > 0) {
      await bumpSerial(tx, accountId, 'peer-deleted', { peers: 'all', deletedPeers: deleted.map(({ id, key }) => ({ id, key })) });
      const dnsDomain = accountDnsDomain(await tx.accounts.get(accountId), deps.dnsDomain);
      await recordActivity(
        tx,
        deps.clock,
        accountId,
        [...policyNotes, ...deleted.map((p): ActivityNote => ({ activity: 'PeerRemovedByUser', initiatorId: SYSTEM_INITIATOR, targetId: p.id, meta: peerEventMeta(p, dnsDomain) }))],
      );
    }
    return deleted;
  });
}
