import type { Group, NetworkResource, Peer } from '../../domain/model.js';

/** OpenAPI `GroupMinimum`; `resources_count` counts the network resources in the group. */
export interface ApiGroupMinimum {
  id: string;
  name: string;
  peers_count: number;
  resources_count: number;
  issued: Group['issued'];
}

export interface ApiPeerMinimum {
  id: string;
  name: string;
}

/** OpenAPI `Resource`: a network resource as a group lists it. */
export interface ApiResource {
  id: string;
  type: NetworkResource['type'];
}

/** OpenAPI `Group`. */
export interface ApiGroup extends ApiGroupMinimum {
  peers: ApiPeerMinimum[];
  resources: ApiResource[];
}

/** The network resources that belong to the group (membership is kept on the resource). */
export function resourcesOfGroup(groupId: string, resources: readonly NetworkResource[]): ApiResource[] {
  return resources.filter((r) => r.groups.includes(groupId)).map((r) => ({ id: r.id, type: r.type }));
}

export function toApiGroupMinimum(group: Group, resources: readonly NetworkResource[] = []): ApiGroupMinimum {
  return { id: group.id, name: group.name, peers_count: group.peers.length, resources_count: resourcesOfGroup(group.id, resources).length, issued: group.issued };
}

/** Members are listed with their names; IDs of peers no longer in `peers` are skipped, as upstream does. */
export function toApiGroup(group: Group, peers: readonly Pick<Peer, 'id' | 'name'>[], resources: readonly NetworkResource[] = []): ApiGroup {
  const names = new Map(peers.map((p) => [p.id, p.name]));
  const members: ApiPeerMinimum[] = [];
  for (const id of new Set(group.peers)) {
    const name = names.get(id);
    if (name !== undefined) members.push({ id, name });
  }
  const listed = resourcesOfGroup(group.id, resources);
  return { id: group.id, name: group.name, peers_count: members.length, resources_count: listed.length, issued: group.issued, peers: members, resources: listed };
}

/** The groups a peer belongs to, as the peer endpoints show them. */
export function groupsContaining(groups: readonly Group[], peerId: string): ApiGroupMinimum[] {
  return groups.filter((g) => g.peers.includes(peerId)).map((g) => toApiGroupMinimum(g));
}
