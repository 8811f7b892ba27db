import { SYSTEM_INITIATOR, type InitiatorId } from '../activity/activity-event.js';
import { recordActivity, type ActivityNote } from '../activity/record-activity.js';
import type { DomainDeps } from '../domain-deps.js';
import { alreadyExists, invalidArgument, notFound } from '../errors.js';
import type { NetworkResource } from '../model.js';
import type { Repositories } from '../ports/repositories.js';
import { transact } from '../transact.js';
import { resourceDeleteNotes, resourceEventMeta, resourceGroupNotes } from './network-event-notes.js';
import { bumpForNetwork, missingGroup, mustGetNetwork, networkChildAccess, readNetworkState, type NetworkChildAccess } from './network-tx.js';
import { parseResourceAddress } from './resource-address.js';

export interface ResourceInput {
  readonly name: string;
  readonly description?: string;
  /** A host IP or CIDR, a subnet CIDR, or a domain (`*.` wildcard allowed). */
  readonly address: string;
  readonly enabled: boolean;
  /** Group IDs the resource belongs to. */
  readonly groups: readonly string[];
}

/**
 * Resources of a network: names unique in the account, groups must exist. Each mutation records
 * upstream's audit events (the resource's, and one per group it joins or leaves), initiated by
 * `by` (default: the system).
 */
export interface NetworkResourceService extends NetworkChildAccess<NetworkResource, ResourceInput> {
  delete(accountId: string, networkId: string, id: string, by?: InitiatorId): Promise<void>;
}

function build(accountId: string, networkId: string, id: string, input: ResourceInput): NetworkResource {
  if (input.name.trim() === '') throw invalidArgument("resource name shouldn't be empty");
  return {
    id,
    accountId,
    networkId,
    name: input.name,
    description: input.description ?? '',
    ...parseResourceAddress(input.address),
    enabled: input.enabled,
    groups: [...new Set(input.groups)],
  };
}

/** The resource of that network, or NotFound (a resource of another network is not found here). */
async function mustGet(repos: Pick<Repositories, 'networkResources'>, accountId: string, networkId: string, id: string): Promise<NetworkResource> {
  const r = await repos.networkResources.get(accountId, id);
  if (r === undefined || r.networkId !== networkId) throw notFound(`resource ${id} not found in network ${networkId}`);
  return r;
}

export function createNetworkResourceService(deps: DomainDeps): NetworkResourceService {
  const repos = deps.store.repos;
  const save = (accountId: string, networkId: string, id: string | undefined, input: ResourceInput, by: InitiatorId): Promise<NetworkResource> =>
    transact(deps, async (tx) => {
      const network = await mustGetNetwork(tx, accountId, networkId);
      const old = id === undefined ? undefined : await mustGet(tx, accountId, networkId, id);
      const resource = build(accountId, networkId, id ?? deps.ids.next(), input);
      const before = await readNetworkState(tx, accountId);
      const missing = missingGroup(before, resource.groups);
      if (missing !== undefined) throw invalidArgument(`group ${missing} not found`);
      if (before.resources.some((r) => r.name === resource.name && r.id !== resource.id)) throw alreadyExists(`resource with name ${resource.name} already exists`);
      if (id === undefined) await tx.networkResources.insert(resource);
      else await tx.networkResources.update(resource);
      const after = { ...before, resources: [...before.resources.filter((r) => r.id !== resource.id), resource] };
      await bumpForNetwork(tx, accountId, networkId, id === undefined ? 'network-resource-created' : 'network-resource-updated', before, after);
      const groupNotes = resourceGroupNotes(old?.groups ?? [], resource, before.groups, by);
      const own: ActivityNote = { activity: old === undefined ? 'NetworkResourceCreated' : 'NetworkResourceUpdated', initiatorId: by, targetId: resource.id, meta: resourceEventMeta(resource, network) };
      // Upstream's order: a new resource first, then its groups; an updated one after its group changes.
      await recordActivity(tx, deps.clock, accountId, old === undefined ? [own, ...groupNotes] : [...groupNotes, own]);
      return resource;
    });
  return {
    ...networkChildAccess<NetworkResource, ResourceInput>({ networks: repos, listAll: (accountId) => repos.networkResources.list(accountId), mustGet: (accountId, networkId, id) => mustGet(repos, accountId, networkId, id), save }),
    delete: (accountId, networkId, id, by = SYSTEM_INITIATOR) =>
      transact(deps, async (tx) => {
        const network = await mustGetNetwork(tx, accountId, networkId);
        const resource = await mustGet(tx, accountId, networkId, id);
        const before = await readNetworkState(tx, accountId);
        await tx.networkResources.delete(accountId, id);
        const after = { ...before, resources: before.resources.filter((r) => r.id !== id) };
        await bumpForNetwork(tx, accountId, networkId, 'network-resource-deleted', before, after);
        await recordActivity(tx, deps.clock, accountId, resourceDeleteNotes(resource, network, before.groups, by));
      }),
  };
}
