import type { User } from '../model.js';
import type { InitiatorId } from './activity-event.js';
import { userEventMeta } from './event-meta.js';
import { groupPeerDiff } from './group-peer-diff.js';
import type { ActivityNote } from './record-activity.js';

/**
 * The events of one user update (target: the user), as upstream records them: role change (or
 * the owner role handed over), block or unblock, one per auto-group gained or lost.
 */
export function userUpdateNotes(
  before: User,
  after: User,
  groupNames: ReadonlyMap<string, string>,
  by: InitiatorId,
  ownerTransferred: boolean,
): ActivityNote[] {
  const notes: ActivityNote[] = [];
  const base = { initiatorId: by, targetId: after.id };
  if (ownerTransferred) notes.push({ ...base, activity: 'TransferredOwnerRole' });
  else if (after.role !== before.role) notes.push({ ...base, activity: 'UserRoleUpdated', meta: { role: after.role } });
  if (after.blocked !== before.blocked) notes.push({ ...base, activity: after.blocked ? 'UserBlocked' : 'UserUnblocked' });
  const { added, removed } = groupPeerDiff(before.autoGroups, after.autoGroups);
  const groupMeta = (id: string) => ({ group: groupNames.get(id) ?? '', group_id: id, ...userEventMeta(after) });
  for (const id of added) notes.push({ ...base, activity: 'GroupAddedToUser', meta: groupMeta(id) });
  for (const id of removed) notes.push({ ...base, activity: 'GroupRemovedFromUser', meta: groupMeta(id) });
  return notes;
}
