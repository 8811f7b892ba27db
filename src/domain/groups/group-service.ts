import type { DomainDeps } from '../domain-deps.js';
import { alreadyExists, invalidArgument, notFound, preconditionFailed } from '../errors.js';
import { bumpSerial } from '../map-relevant-changes.js';
import { ALL_GROUP_NAME, type Group } from '../model.js';
import { transact, type DomainTx } from '../transact.js';
import { findGroupReferences } from './group-references.js';
import { SYSTEM_INITIATOR, type InitiatorId } from '../activity/activity-event.js';
import { recordActivity } from '../activity/record-activity.js';
import { groupMembershipNotes } from '../activity/group-membership-notes.js';
import { setGroupResources } from '../networks/set-group-resources.js';
import { zonesUsingGroup } from '../dns-zones/zones-using-group.js';

/** What the admin API sends to create or replace a group. */
export interface GroupInput {
  readonly name: string;
  /** Peer IDs; absent keeps the members on update and means none on create. */
  readonly peers?: readonly string[];
  /** Network resource IDs in the group; absent leaves the resources as they are. */
  readonly resources?: readonly string[];
}

export interface GroupService {
  list(accountId: string): Promise<Group[]>;
  get(accountId: string, id: string): Promise<Group>;
  /** `by`: who asks (the audit log's initiator); background callers leave it to the system. */
  create(accountId: string, input: GroupInput, by?: InitiatorId): Promise<Group>;
  update(accountId: string, id: string, input: GroupInput, by?: InitiatorId): Promise<Group>;
  delete(accountId: string, id: string, by?: InitiatorId): Promise<void>;
}

async function mustGet(tx: DomainTx, accountId: string, id: string): Promise<Group> {
  const g = await tx.groups.get(accountId, id);
  if (g === undefined) throw notFound(`group ${id} not found`);
  return g;
}

/** API group names are unique in the account (SEMANTICS.md §1.5). */
async function checkName(tx: DomainTx, accountId: string, name: string, selfId: string | undefined): Promise<void> {
  if (name.trim() === '') throw invalidArgument('group name must not be empty');
  const same = await tx.groups.findByName(accountId, name);
  if (same !== undefined && same.id !== selfId) throw alreadyExists(`group with name ${name} already exists`);
}

async function checkPeers(tx: DomainTx, accountId: string, peers: readonly string[]): Promise<string[]> {
  const known = new Set((await tx.peers.list(accountId)).map((p) => p.id));
  const unique = [...new Set(peers)];
  const missing = unique.find((id) => !known.has(id));
  if (missing !== undefined) throw invalidArgument(`peer ${missing} not found`);
  return unique;
}

const sameMembers = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && [...a].sort().every((x, i) => x === [...b].sort()[i]);

export function createGroupService(deps: DomainDeps): GroupService {
  const repos = deps.store.repos;
  return {
    list: (accountId) => repos.groups.list(accountId),
    async get(accountId, id) {
      const g = await repos.groups.get(accountId, id);
      if (g === undefined) throw notFound(`group ${id} not found`);
      return g;
    },
    create: (accountId, input, by = SYSTEM_INITIATOR) =>
      transact(deps, async (tx) => {
        await checkName(tx, accountId, input.name, undefined);
        const group: Group = { id: deps.ids.next(), accountId, name: input.name, issued: 'api', peers: await checkPeers(tx, accountId, input.peers ?? []) };
        await tx.groups.insert(group);
        if (input.resources !== undefined) await setGroupResources(tx, accountId, group.id, input.resources);
        await bumpSerial(tx, accountId, 'group-created');
        await recordActivity(tx, deps.clock, accountId, [{ activity: 'GroupCreated', initiatorId: by, targetId: group.id, meta: { name: group.name } }]);
        return { ...group, peers: [...group.peers].sort() };
      }),
    update: (accountId, id, input, by = SYSTEM_INITIATOR) =>
      transact(deps, async (tx) => {
        const old = await mustGet(tx, accountId, id);
        if (old.name === ALL_GROUP_NAME) throw invalidArgument(`updating group ${ALL_GROUP_NAME} is not allowed`);
        await checkName(tx, accountId, input.name, id);
        const peers = input.peers === undefined ? [...old.peers] : await checkPeers(tx, accountId, input.peers);
        const group: Group = { ...old, name: input.name, peers: peers.sort() };
        await tx.groups.update(group);
        if (input.resources !== undefined) await setGroupResources(tx, accountId, id, input.resources);
        await bumpSerial(tx, accountId, sameMembers(old.peers, group.peers) ? 'group-updated' : 'group-peers-changed');
        await recordActivity(tx, deps.clock, accountId, await groupMembershipNotes(tx, deps, old, group, by));
        return group;
      }),
    delete: (accountId, id, by = SYSTEM_INITIATOR) =>
      transact(deps, async (tx) => {
        const group = await mustGet(tx, accountId, id);
        if (group.name === ALL_GROUP_NAME) throw preconditionFailed(`deleting group ${ALL_GROUP_NAME} is not allowed`);
        const account = await tx.accounts.get(accountId);
        const [policies, routes, nameServerGroups, setupKeys, users] = await Promise.all([
          tx.policies.list(accountId),
          tx.routes.list(accountId),
          tx.nameServerGroups.list(accountId),
          tx.setupKeys.list(accountId),
          tx.users.list(accountId),
        ]);
        const dnsSettings = account?.dnsSettings ?? { disabledManagementGroups: [] };
        const networkRouters = await tx.networkRouters.list(accountId);
        const refs = findGroupReferences(id, { policies, routes, nameServerGroups, setupKeys, users, dnsSettings, networkRouters });
        refs.push(...zonesUsingGroup(id, await tx.dnsZones.list(accountId)));
        if (refs.length > 0) throw preconditionFailed(`group ${group.name} is still used by ${refs.join(', ')}`);
        // Network resources leave a deleted group, as upstream's resources live in the group.
        for (const r of await tx.networkResources.list(accountId)) {
          if (r.groups.includes(id)) await tx.networkResources.update({ ...r, groups: r.groups.filter((g) => g !== id) });
        }
        await tx.groups.delete(accountId, id);
        await bumpSerial(tx, accountId, 'group-deleted');
        await recordActivity(tx, deps.clock, accountId, [{ activity: 'GroupDeleted', initiatorId: by, targetId: id, meta: { name: group.name } }]);
      }),
  };
}
