import { SYSTEM_INITIATOR, type InitiatorId } from '../activity/activity-event.js';
import { recordActivity } from '../activity/record-activity.js';
import type { DomainDeps } from '../domain-deps.js';
import { invalidArgument } from '../errors.js';
import type { ResourceNetwork } from '../model.js';
import { transact } from '../transact.js';
import { networkDeleteNotes, networkEventMeta } from './network-event-notes.js';
import { bumpForNetwork, mustGetNetwork, readNetworkState } from './network-tx.js';

export interface NetworkInput {
  readonly name: string;
  readonly description?: string;
}

/**
 * Networks themselves. Creating or renaming one changes no map (no serial bump, as upstream);
 * deleting one removes its resources and routers and is pushed to the peers that reached it.
 * Each mutation records upstream's audit events, initiated by `by` (default: the system).
 */
export interface NetworkService {
  list(accountId: string): Promise<ResourceNetwork[]>;
  get(accountId: string, id: string): Promise<ResourceNetwork>;
  create(accountId: string, input: NetworkInput, by?: InitiatorId): Promise<ResourceNetwork>;
  update(accountId: string, id: string, input: NetworkInput, by?: InitiatorId): Promise<ResourceNetwork>;
  /** Also records the deletion of each resource (and its group exits) and router it held. */
  delete(accountId: string, id: string, by?: InitiatorId): Promise<void>;
}

function build(accountId: string, id: string, input: NetworkInput): ResourceNetwork {
  if (input.name.trim() === '') throw invalidArgument("network name shouldn't be empty");
  return { id, accountId, name: input.name, description: input.description ?? '' };
}

export function createNetworkService(deps: DomainDeps): NetworkService {
  const repos = deps.store.repos;
  return {
    list: (accountId) => repos.networks.list(accountId),
    get: (accountId, id) => mustGetNetwork(repos, accountId, id),
    create: (accountId, input, by = SYSTEM_INITIATOR) =>
      transact(deps, async (tx) => {
        const network = build(accountId, deps.ids.next(), input);
        await tx.networks.insert(network);
        await recordActivity(tx, deps.clock, accountId, [{ activity: 'NetworkCreated', initiatorId: by, targetId: network.id, meta: networkEventMeta(network) }]);
        return network;
      }),
    update: (accountId, id, input, by = SYSTEM_INITIATOR) =>
      transact(deps, async (tx) => {
        await mustGetNetwork(tx, accountId, id);
        const network = build(accountId, id, input);
        await tx.networks.update(network);
        await recordActivity(tx, deps.clock, accountId, [{ activity: 'NetworkUpdated', initiatorId: by, targetId: id, meta: networkEventMeta(network) }]);
        return network;
      }),
    delete: (accountId, id, by = SYSTEM_INITIATOR) =>
      transact(deps, async (tx) => {
        const network = await mustGetNetwork(tx, accountId, id);
        const before = await readNetworkState(tx, accountId);
        for (const r of before.resources) if (r.networkId === id) await tx.networkResources.delete(accountId, r.id);
        for (const r of before.routers) if (r.networkId === id) await tx.networkRouters.delete(accountId, r.id);
        await tx.networks.delete(accountId, id);
        const after = { ...before, resources: before.resources.filter((r) => r.networkId !== id), routers: before.routers.filter((r) => r.networkId !== id) };
        await bumpForNetwork(tx, accountId, id, 'network-deleted', before, after);
        await recordActivity(tx, deps.clock, accountId, networkDeleteNotes(network, before, by));
      }),
  };
}
