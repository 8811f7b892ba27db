import type { DomainDeps } from '../domain-deps.js';
import { notFound } from '../errors.js';
import { bumpSerial } from '../map-relevant-changes.js';
import { transact, type DomainTx } from '../transact.js';
import { jwtGroupChanges, type JwtGroupChanges } from './jwt-group-changes.js';
import { recordActivity } from '../activity/record-activity.js';
import { userUpdateNotes } from '../activity/user-update-notes.js';

/** Puts the user's peers into the groups they gained and takes them out of those they lost. */
async function propagate(tx: DomainTx, accountId: string, userId: string, changes: JwtGroupChanges): Promise<void> {
  const peerIds = (await tx.peers.list(accountId)).filter((p) => p.userId === userId).map((p) => p.id);
  if (peerIds.length === 0) return;
  for (const groupId of changes.added) {
    for (const peerId of peerIds) await tx.groups.addPeer(accountId, groupId, peerId);
  }
  const leaving = new Set(peerIds);
  for (const groupId of changes.removed) {
    const group = await tx.groups.get(accountId, groupId);
    if (group === undefined || !group.peers.some((id) => leaving.has(id))) continue;
    await tx.groups.update({ ...group, peers: group.peers.filter((id) => !leaving.has(id)) });
  }
}

/**
 * The JWT group sync at sign-in (IDENTITY.md §2.5): the user's JWT-issued auto-groups become the
 * token's groups (new names create `issued: jwt` groups), and with `groups_propagation_enabled`
 * the user's peers follow. Any change bumps the serial and pushes maps: peer memberships move,
 * and auto-groups feed SSH authorisation (upstream bumps only with propagation on). One
 * transaction; returns what changed.
 */
export function syncUserJwtGroups(deps: DomainDeps, accountId: string, userId: string, tokenGroups: readonly string[]): Promise<JwtGroupChanges> {
  return transact(deps, async (tx) => {
    const user = await tx.users.get(userId);
    if (user === undefined || user.accountId !== accountId) throw notFound(`user ${userId} not found`);
    const account = await tx.accounts.get(accountId);
    if (account === undefined) throw notFound(`account ${accountId} not found`);
    const changes = jwtGroupChanges({ user, groups: await tx.groups.list(accountId), tokenGroups, newId: () => deps.ids.next() });
    if (!changes.changed) return changes;
    for (const g of changes.create) await tx.groups.insert(g);
    await tx.users.update({ ...user, autoGroups: changes.autoGroups });
    if (account.settings.groupsPropagationEnabled) await propagate(tx, accountId, userId, changes);
    await bumpSerial(tx, accountId, 'user-updated');
    // The user's own sign-in made the change: they are its initiator (IDENTITY.md §2.5).
    const names = new Map([...(await tx.groups.list(accountId))].map((g) => [g.id, g.name]));
    await recordActivity(tx, deps.clock, accountId, userUpdateNotes(user, { ...user, autoGroups: changes.autoGroups }, names, userId, false));
    return changes;
  });
}
