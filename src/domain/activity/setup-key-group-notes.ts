import type { SetupKey } from '../model.js';
import type { Repositories } from '../ports/repositories.js';
import type { InitiatorId } from './activity-event.js';
import { groupPeerDiff } from './group-peer-diff.js';
import type { ActivityNote } from './record-activity.js';

/** One event per auto-group a setup key gains or loses (upstream: group name and ID, key name). */
export async function setupKeyGroupNotes(tx: Pick<Repositories, 'groups'>, before: SetupKey, after: SetupKey, by: InitiatorId): Promise<ActivityNote[]> {
  const { added, removed } = groupPeerDiff(before.autoGroups, after.autoGroups);
  if (added.length === 0 && removed.length === 0) return [];
  const names = new Map((await tx.groups.list(after.accountId)).map((g) => [g.id, g.name]));
  const note = (activity: 'GroupAddedToSetupKey' | 'GroupRemovedFromSetupKey', groupId: string): ActivityNote => ({
    activity,
    initiatorId: by,
    targetId: after.id,
    meta: { group: names.get(groupId) ?? '', group_id: groupId, setupkey: after.name },
  });
  return [...added.map((g) => note('GroupAddedToSetupKey', g)), ...removed.map((g) => note('GroupRemovedFromSetupKey', g))];
}
