import { notFound } from '../errors.js';
import { ALL_GROUP_NAME, type Peer } from '../model.js';
import type { DomainTx } from '../transact.js';

/**
 * A new peer joins its auto-groups and `All` (SEMANTICS.md §3.3 step 7); a missing `All` is
 * NotFound. A group deleted since the key or user named it is skipped rather than left dangling.
 */
export async function joinPeerGroups(tx: DomainTx, peer: Peer, autoGroups: readonly string[]): Promise<void> {
  const all = await tx.groups.findByName(peer.accountId, ALL_GROUP_NAME);
  if (all === undefined) throw notFound(`group ${ALL_GROUP_NAME} not found in account ${peer.accountId}`);
  for (const groupId of new Set(autoGroups)) {
    if (groupId !== all.id && (await tx.groups.get(peer.accountId, groupId)) !== undefined) {
      await tx.groups.addPeer(peer.accountId, groupId, peer.id);
    }
  }
  await tx.groups.addPeer(peer.accountId, all.id, peer.id);
}
