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
