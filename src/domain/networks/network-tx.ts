import { SYSTEM_INITIATOR, type InitiatorId } from '../activity/activity-event.js';
import { notFound } from '../errors.js';
import { bumpSerial, type MapRelevantChange } from '../map-relevant-changes.js';
import type { ResourceNetwork } from '../model.js';
import type { DomainTx } from '../transact.js';
import { networkChangeScope, type NetworkState } from './network-change-scope.js';

/** The network, or NotFound. */
export async function mustGetNetwork(tx: Pick<DomainTx, 'networks'>, accountId: string, networkId: string): Promise<ResourceNetwork> {
  const n = await tx.networks.get(accountId, networkId);
  if (n === undefined) throw notFound(`network ${networkId} not found`);
  return n;
}

/** Everything the reach of the account's networks depends on, read inside `tx`. */
export async function readNetworkState(tx: DomainTx, accountId: string): Promise<NetworkState> {
  const [groups, policies, resources, routers] = await Promise.all([
    tx.groups.list(accountId),
    tx.policies.list(accountId),
    tx.networkResources.list(accountId),
    tx.networkRouters.list(accountId),
  ]);
  return { groups, policies, resources, routers };
}

/** Group IDs of `ids` missing from the state (for InvalidArgument messages). */
export function missingGroup(state: NetworkState, ids: readonly string[]): string | undefined {
  const known = new Set(state.groups.map((g) => g.id));
  return ids.find((g) => !known.has(g));
}

/**
 * Bumps the serial for a change of network `networkId` from `before` to `after`, pushed to the
 * peers that reach the network in either state only.
 */
export async function bumpForNetwork(tx: DomainTx, accountId: string, networkId: string, kind: MapRelevantChange, before: NetworkState, after: NetworkState): Promise<void> {
  await bumpSerial(tx, accountId, kind, { peers: networkChangeScope(networkId, before, after) });
}

/** What a network's resources and routers both offer besides deleting. */
export interface NetworkChildAccess<T, I> {
  listAll(accountId: string): Promise<T[]>;
  list(accountId: string, networkId: string): Promise<T[]>;
  get(accountId: string, networkId: string, id: string): Promise<T>;
  create(accountId: string, networkId: string, input: I, by?: InitiatorId): Promise<T>;
  update(accountId: string, networkId: string, id: string, input: I, by?: InitiatorId): Promise<T>;
}

/**
 * The reads and writes of one kind of network child, from its store list, its look-up (NotFound
 * outside the network) and its save (`id` undefined: create); listing a missing network is NotFound.
 */
export function networkChildAccess<T extends { readonly networkId: string }, I>(kind: {
  readonly networks: Pick<DomainTx, 'networks'>;
  listAll(accountId: string): Promise<T[]>;
  mustGet(accountId: string, networkId: string, id: string): Promise<T>;
  save(accountId: string, networkId: string, id: string | undefined, input: I, by: InitiatorId): Promise<T>;
}): NetworkChildAccess<T, I> {
  return {
    listAll: (accountId) => kind.listAll(accountId),
    async list(accountId, networkId) {
      await mustGetNetwork(kind.networks, accountId, networkId);
      return (await kind.listAll(accountId)).filter((c) => c.networkId === networkId);
    },
    get: (accountId, networkId, id) => kind.mustGet(accountId, networkId, id),
    create: (accountId, networkId, input, by = SYSTEM_INITIATOR) => kind.save(accountId, networkId, undefined, input, by),
    update: (accountId, networkId, id, input, by = SYSTEM_INITIATOR) => kind.save(accountId, networkId, id, input, by),
  };
}
