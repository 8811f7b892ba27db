import type { Group, Peer } from '../../domain/model.js';

/** OpenAPI `GroupMinimum`. We have no network resources, so `resources_count` is 0. */
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

/** OpenAPI `Group`. */
export interface ApiGroup extends ApiGroupMinimum {
  peers: ApiPeerMinimum[];
  resources: never[];
}

export function toApiGroupMinimum(group: Group): ApiGroupMinimum {
  return { id: group.id, name: group.name, peers_count: group.peers.length, resources_count: 0, issued: group.issued };
}

/** Members are listed with their names; IDs of peers no longer in `peers` are skipped, as upstream does. */
export function toApiGroup(group: Group, peers: readonly Pick<Peer, 'id' | 'name'>[]): ApiGroup {
  const names = new Map(peers.map((p) => [p.id, p.name]));
  const members: ApiPeerMinimum[] = [];
  for (const id of new Set(group.peers)) {
    const name = names.get(id);
    if (name !== undefined) members.push({ id, name });
  }
  return { id: group.id, name: group.name, peers_count: members.length, resources_count: 0, issued: group.issued, peers: members, resources: [] };
}

/** The groups a peer belongs to, as the peer endpoints show them. */
export function groupsContaining(groups: readonly Group[], peerId: string): ApiGroupMinimum[] {
  return groups.filter((g) => g.peers.includes(peerId)).map(toApiGroupMinimum);
}
