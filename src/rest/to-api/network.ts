import type { Group, NetworkResource, NetworkRouter, Policy, ResourceNetwork } from '../../domain/model.js';
import { resourceAddress } from '../../domain/networks/index.js';
import { type ApiGroupMinimum, toApiGroupMinimum } from './group.js';

/** OpenAPI `Network`. */
export interface ApiNetwork {
  id: string;
  name: string;
  description: string;
  routers: string[];
  resources: string[];
  routing_peers_count: number;
  policies: string[];
}

/** OpenAPI `NetworkResource`. */
export interface ApiNetworkResource {
  id: string;
  name: string;
  description: string;
  type: NetworkResource['type'];
  address: string;
  groups: ApiGroupMinimum[];
  enabled: boolean;
}

/** OpenAPI `NetworkRouter`. */
export interface ApiNetworkRouter {
  id: string;
  peer: string;
  peer_groups: string[];
  metric: number;
  masquerade: boolean;
  enabled: boolean;
}

/** What a network's response is derived from: the account's resources, routers, groups, policies. */
export interface NetworkContext {
  readonly resources: readonly NetworkResource[];
  readonly routers: readonly NetworkRouter[];
  readonly groups: readonly Group[];
  readonly policies: readonly Policy[];
}

/** Upstream `GetPoliciesAppliedInNetwork`: enabled policies with an enabled rule aimed at one of its resources. */
export function policiesAppliedIn(networkId: string, ctx: Pick<NetworkContext, 'resources' | 'policies'>): string[] {
  const resources = ctx.resources.filter((r) => r.networkId === networkId);
  const ids = new Set(resources.map((r) => r.id));
  const groups = new Set(resources.flatMap((r) => r.groups));
  return ctx.policies
    .filter((p) => p.enabled && p.rules.some((x) => x.enabled && ((x.destinationResource !== null && ids.has(x.destinationResource.id)) || x.destinations.some((g) => groups.has(g)))))
    .map((p) => p.id);
}

/** `routing_peers_count` as upstream counts it: one per peer router, every member of each peer group. */
export function routingPeersCount(routers: readonly NetworkRouter[], groups: readonly Group[]): number {
  const byId = new Map(groups.map((g) => [g.id, g]));
  return routers.reduce((n, r) => n + (r.peer !== '' ? 1 : 0) + r.peerGroups.reduce((m, g) => m + (byId.get(g)?.peers.length ?? 0), 0), 0);
}

export function toApiNetwork(n: ResourceNetwork, ctx: NetworkContext): ApiNetwork {
  const routers = ctx.routers.filter((r) => r.networkId === n.id);
  return {
    id: n.id,
    name: n.name,
    description: n.description,
    routers: routers.map((r) => r.id),
    resources: ctx.resources.filter((r) => r.networkId === n.id).map((r) => r.id),
    routing_peers_count: routingPeersCount(routers, ctx.groups),
    policies: policiesAppliedIn(n.id, ctx),
  };
}

/** The resource's groups are listed as `GroupMinimum`s; IDs of deleted groups are skipped. */
export function toApiNetworkResource(r: NetworkResource, groups: readonly Group[], resources: readonly NetworkResource[]): ApiNetworkResource {
  const byId = new Map(groups.map((g) => [g.id, g]));
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    type: r.type,
    address: resourceAddress(r),
    groups: r.groups.flatMap((id) => {
      const g = byId.get(id);
      return g === undefined ? [] : [toApiGroupMinimum(g, resources)];
    }),
    enabled: r.enabled,
  };
}

export function toApiNetworkRouter(r: NetworkRouter): ApiNetworkRouter {
  return { id: r.id, peer: r.peer, peer_groups: [...r.peerGroups], metric: r.metric, masquerade: r.masquerade, enabled: r.enabled };
}
