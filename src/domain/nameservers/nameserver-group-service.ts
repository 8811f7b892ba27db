import type { DomainDeps } from '../domain-deps.js';
import { alreadyExists, invalidArgument, notFound } from '../errors.js';
import { bumpSerial } from '../map-relevant-changes.js';
import type { NameServer, NameServerGroup } from '../model.js';
import type { Repositories } from '../ports/repositories.js';
import { transact, type DomainTx } from '../transact.js';
import { checkNameServerGroup } from './check-nameserver-group.js';
import { SYSTEM_INITIATOR, type InitiatorId } from '../activity/activity-event.js';
import { recordActivity } from '../activity/record-activity.js';

export interface NameServerGroupInput {
  readonly name: string;
  readonly description?: string;
  readonly nameServers: readonly NameServer[];
  readonly groups: readonly string[];
  readonly primary: boolean;
  readonly domains: readonly string[];
  readonly searchDomainsEnabled: boolean;
  readonly enabled: boolean;
}

export interface NameServerGroupService {
  list(accountId: string): Promise<NameServerGroup[]>;
  get(accountId: string, id: string): Promise<NameServerGroup>;
  create(accountId: string, input: NameServerGroupInput, by?: InitiatorId): Promise<NameServerGroup>;
  update(accountId: string, id: string, input: NameServerGroupInput, by?: InitiatorId): Promise<NameServerGroup>;
  delete(accountId: string, id: string, by?: InitiatorId): Promise<void>;
}

async function mustGet(repos: Repositories, accountId: string, id: string): Promise<NameServerGroup> {
  const g = await repos.nameServerGroups.get(accountId, id);
  if (g === undefined) throw notFound(`nameserver group ${id} not found`);
  return g;
}

async function checkAccountRules(tx: DomainTx, g: NameServerGroup): Promise<void> {
  const groupIds = new Set((await tx.groups.list(g.accountId)).map((x) => x.id));
  const missing = g.groups.find((x) => !groupIds.has(x));
  if (missing !== undefined) throw invalidArgument(`group ${missing} not found`);
  const clash = (await tx.nameServerGroups.list(g.accountId)).find((x) => x.name === g.name && x.id !== g.id);
  if (clash !== undefined) throw alreadyExists(`nameserver group with name ${g.name} already exists`);
}

export function createNameServerGroupService(deps: DomainDeps): NameServerGroupService {
  const repos = deps.store.repos;
  const save = (accountId: string, id: string | undefined, input: NameServerGroupInput, by: InitiatorId): Promise<NameServerGroup> =>
    transact(deps, async (tx) => {
      if (id !== undefined) await mustGet(tx, accountId, id);
      checkNameServerGroup(input);
      const group: NameServerGroup = {
        id: id ?? deps.ids.next(),
        accountId,
        name: input.name,
        description: input.description ?? '',
        nameServers: input.nameServers.map((ns) => ({ ...ns })),
        groups: [...input.groups],
        primary: input.primary,
        domains: [...input.domains],
        searchDomainsEnabled: input.searchDomainsEnabled,
        enabled: input.enabled,
      };
      await checkAccountRules(tx, group);
      if (id === undefined) await tx.nameServerGroups.insert(group);
      else await tx.nameServerGroups.update(group);
      await bumpSerial(tx, accountId, id === undefined ? 'nameserver-group-created' : 'nameserver-group-updated');
      const activity = id === undefined ? 'NameserverGroupCreated' : 'NameserverGroupUpdated';
      await recordActivity(tx, deps.clock, accountId, [{ activity, initiatorId: by, targetId: group.id, meta: { name: group.name } }]);
      return group;
    });
  return {
    list: (accountId) => repos.nameServerGroups.list(accountId),
    get: (accountId, id) => mustGet(repos, accountId, id),
    create: (accountId, input, by = SYSTEM_INITIATOR) => save(accountId, undefined, input, by),
    update: (accountId, id, input, by = SYSTEM_INITIATOR) => save(accountId, id, input, by),
    delete: (accountId, id, by = SYSTEM_INITIATOR) =>
      transact(deps, async (tx) => {
        const group = await mustGet(tx, accountId, id);
        await tx.nameServerGroups.delete(accountId, id);
        await bumpSerial(tx, accountId, 'nameserver-group-deleted');
        await recordActivity(tx, deps.clock, accountId, [{ activity: 'NameserverGroupDeleted', initiatorId: by, targetId: id, meta: { name: group.name } }]);
      }),
  };
}
