import type { DomainDeps } from '../domain-deps.js';
import { notFound } from '../errors.js';
import { bumpSerial } from '../map-relevant-changes.js';
import type { Peer, Policy, PolicyRule } from '../model.js';
import { transact, type DomainTx } from '../transact.js';
import { SYSTEM_INITIATOR, type InitiatorId } from '../activity/activity-event.js';
import { recordActivity, type ActivityNote } from '../activity/record-activity.js';
import { accountDnsDomain, peerEventMeta } from '../activity/event-meta.js';

const namesPeer = (r: PolicyRule, peerId: string): boolean =>
  (r.sourceResource?.type === 'peer' && r.sourceResource.id === peerId) ||
  (r.destinationResource?.type === 'peer' && r.destinationResource.id === peerId);

/**
 * Removes a peer and what depends on it inside `tx`, without bumping: group memberships,
 * policies whose rules target it as a peer resource (as upstream does) and routes it alone
 * serves (a route without its routing peer is dead). Returns the policies it deleted (a temporary
 * access peer's go with it).
 */
export async function removePeer(tx: DomainTx, peer: Peer): Promise<Policy[]> {
  const { accountId, id } = peer;
  await tx.groups.removePeerFromAll(accountId, id);
  const removed: Policy[] = [];
  for (const policy of await tx.policies.list(accountId)) {
    if (!policy.rules.some((r) => namesPeer(r, id))) continue;
    await tx.policies.delete(accountId, policy.id);
    removed.push(policy);
  }
  for (const route of await tx.routes.list(accountId)) {
    if (route.peer === id) await tx.routes.delete(accountId, route.id);
  }
  await tx.peers.delete(accountId, id);
  return removed;
}

/** Upstream's events for policies deleted with a peer: PolicyRemoved, its target the peer. */
export const policiesRemovedWith = (peer: Peer, policies: readonly Policy[], by: InitiatorId): ActivityNote[] =>
  policies.map((p) => ({ activity: 'PolicyRemoved', initiatorId: by, targetId: peer.id, meta: { name: p.name } }));

/**
 * Deletes a peer (REST delete, gRPC Logout, ephemeral cleanup) with `removePeer`. Bumps the
 * serial and publishes with `deletedPeers` so its stream gets an empty map and is closed.
 * NotFound when the account has no such peer.
 */
export async function deletePeer(deps: DomainDeps, accountId: string, peerId: string, by: InitiatorId = SYSTEM_INITIATOR): Promise<Peer> {
  return transact(deps, async (tx) => {
    const peer = await tx.peers.get(accountId, peerId, true);
    if (peer === undefined) throw notFound('peer not found');
    const policies = await removePeer(tx, peer);
    await bumpSerial(tx, accountId, 'peer-deleted', { peers: 'all', deletedPeers: [{ id: peer.id, key: peer.key }] });
    const meta = peerEventMeta(peer, accountDnsDomain(await tx.accounts.get(accountId), deps.dnsDomain));
    await recordActivity(tx, deps.clock, accountId, [
      ...policiesRemovedWith(peer, policies, by),
      { activity: 'PeerRemovedByUser', initiatorId: by, targetId: peer.id, meta },
    ]);
    return peer;
  });
}
