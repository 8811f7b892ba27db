import type { InitiatorId } from '../activity/activity-event.js';
import type { ActivityNote } from '../activity/record-activity.js';
import type { Group, NetworkResource, NetworkRouter, ResourceNetwork } from '../model.js';

/** Upstream's network meta: its name. */
export function networkEventMeta(network: ResourceNetwork): Record<string, unknown> {
  return { name: network.name };
}

/** Upstream's resource meta: name and type, and the network it belongs to. */
export function resourceEventMeta(resource: NetworkResource, network: ResourceNetwork): Record<string, unknown> {
  return { name: resource.name, type: resource.type, network_name: network.name, network_id: network.id };
}

/**
 * Upstream's router meta: the network, the routing peer and the peer groups. A router served by
 * one peer has no peer groups, which upstream keeps as null (shown `<nil>`), as for routes.
 */
export function routerEventMeta(router: NetworkRouter, network: ResourceNetwork): Record<string, unknown> {
  const peerGroups = router.peer !== '' && router.peerGroups.length === 0 ? null : [...router.peerGroups];
  return { network_name: network.name, network_id: network.id, peer: router.peer, peer_groups: peerGroups };
}

/**
 * One event per group a resource joins or leaves between `beforeGroups` and `resource.groups`,
 * joins first (upstream: targeted at the group, meta the group and the resource as it is now).
 */
export function resourceGroupNotes(beforeGroups: readonly string[], resource: NetworkResource, groups: readonly Group[], by: InitiatorId): ActivityNote[] {
  const names = new Map(groups.map((g) => [g.id, g.name]));
  const note = (activity: 'ResourceAddedToGroup' | 'ResourceRemovedFromGroup', groupId: string): ActivityNote => ({
    activity,
    initiatorId: by,
    targetId: groupId,
    meta: { name: names.get(groupId) ?? '', id: groupId, resource_name: resource.name, resource_id: resource.id, resource_type: resource.type },
  });
  const added = resource.groups.filter((g) => !beforeGroups.includes(g));
  const removed = beforeGroups.filter((g) => !resource.groups.includes(g));
  return [...added.map((g) => note('ResourceAddedToGroup', g)), ...removed.map((g) => note('ResourceRemovedFromGroup', g))];
}

/** A resource removed: it leaves each of its groups, then is deleted (upstream's order). */
export function resourceDeleteNotes(resource: NetworkResource, network: ResourceNetwork, groups: readonly Group[], by: InitiatorId): ActivityNote[] {
  return [
    ...resourceGroupNotes(resource.groups, { ...resource, groups: [] }, groups, by),
    { activity: 'NetworkResourceDeleted', initiatorId: by, targetId: resource.id, meta: resourceEventMeta(resource, network) },
  ];
}

/**
 * A network removed with what it held, as upstream records it: each resource's group exits and
 * deletion, each router's deletion, then the network's own.
 */
export function networkDeleteNotes(
  network: ResourceNetwork,
  held: { readonly resources: readonly NetworkResource[]; readonly routers: readonly NetworkRouter[]; readonly groups: readonly Group[] },
  by: InitiatorId,
): ActivityNote[] {
  const resources = held.resources.filter((r) => r.networkId === network.id).flatMap((r) => resourceDeleteNotes(r, network, held.groups, by));
  const routers = held.routers
    .filter((r) => r.networkId === network.id)
    .map((r): ActivityNote => ({ activity: 'NetworkRouterDeleted', initiatorId: by, targetId: r.id, meta: routerEventMeta(r, network) }));
  return [...resources, ...routers, { activity: 'NetworkDeleted', initiatorId: by, targetId: network.id, meta: networkEventMeta(network) }];
}
