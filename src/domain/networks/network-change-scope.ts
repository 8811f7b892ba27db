import type { Group, NetworkResource, NetworkRouter, Policy } from '../model.js';

/** The parts of an account a network's reach depends on. */
export interface NetworkState {
  readonly groups: readonly Group[];
  readonly policies: readonly Policy[];
  readonly resources: readonly NetworkResource[];
  readonly routers: readonly NetworkRouter[];
}

/**
 * The peers whose maps a network can touch: its routing peers (direct or through peer groups)
 * and the source peers of every policy with a rule aimed at one of its resources (by
 * destination resource or through a resource group). Others never see the network, so a
 * change to it is pushed to these alone.
 */
export function peersReachingNetwork(networkId: string, s: NetworkState): Set<string> {
  const members = new Map(s.groups.map((g) => [g.id, g.peers]));
  const out = new Set<string>();
  const addGroups = (ids: readonly string[]): void => {
    for (const id of ids) for (const p of members.get(id) ?? []) out.add(p);
  };
  for (const r of s.routers) {
    if (r.networkId !== networkId) continue;
    if (r.peer !== '') out.add(r.peer);
    addGroups(r.peerGroups);
  }
  const resources = s.resources.filter((r) => r.networkId === networkId);
  const resourceIds = new Set(resources.map((r) => r.id));
  const resourceGroups = new Set(resources.flatMap((r) => r.groups));
  for (const p of s.policies) {
    const aimed = p.rules.some(
      (r) => (r.destinationResource !== null && resourceIds.has(r.destinationResource.id)) || r.destinations.some((g) => resourceGroups.has(g)),
    );
    if (!aimed) continue;
    for (const r of p.rules) {
      addGroups(r.sources);
      if (r.sourceResource?.type === 'peer' && r.sourceResource.id !== '') out.add(r.sourceResource.id);
    }
  }
  return out;
}

/** Peers affected by a change from `before` to `after`: those reaching the network in either. */
export function networkChangeScope(networkId: string, before: NetworkState, after: NetworkState): string[] {
  const peers = peersReachingNetwork(networkId, before);
  for (const p of peersReachingNetwork(networkId, after)) peers.add(p);
  return [...peers].sort();
}
