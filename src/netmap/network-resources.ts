/**
 * What the Networks feature adds to a receiver's map (SEMANTICS.md §4.5, §4.9, upstream
 * `GetNetworkResourcesRoutesToSync`, `GetPeerNetworkResourceFirewallRules`,
 * `addNetworksRoutingPeers`): routes to the enabled resources a policy lets it reach (one per
 * routing peer, so clients choose by metric), the routes and firewall rules of the resources it
 * routes itself, and the peers to pull into its map — its resources' routers, or, for a router,
 * the sources of its resources' policies. Per-snapshot work is kept in `ResourceIndex`.
 */
import type { NetworkResource, NetworkRouter, Policy } from '../domain/model.js';
import type { AccountIndex } from './account-index.js';
import type { FirewallProtocol, NetworkMapRoute, RouteFirewallRule } from './network-map.js';
import { expandRoutePorts } from './route-firewall-rules.js';
import { lowerBound } from './peer-set.js';

/** Placeholder network of domain resources' routes, as for dynamic routes. */
export const DOMAIN_RESOURCE_NETWORK = '192.0.2.0/32';

interface ResourceEntry {
  readonly resource: NetworkResource;
  /** Enabled policies with an enabled rule aimed at the resource, in policy ID order. */
  readonly policies: readonly Policy[];
  /** Routing peers of the resource's network (index → router). */
  readonly routers: ReadonlyMap<number, NetworkRouter>;
  /** 1 for validated, posture-valid source peers of some policy: those who get the routes. */
  readonly access: Uint8Array;
  /** Raw source peers of all policies (upstream's distribution set for router rules). */
  readonly distribution: Uint8Array;
  readonly routes: Map<number, NetworkMapRoute>;
}

export interface ResourceIndex {
  readonly entries: readonly ResourceEntry[];
  /** Per peer index: the entries it routes or reaches, in entry order (most peers have none). */
  readonly byPeer: ReadonlyMap<number, readonly ResourceEntry[]>;
}

/** Upstream `GetPoliciesForNetworkResource`. */
function policiesFor(index: AccountIndex, r: NetworkResource): Policy[] {
  const groups = new Set(r.groups);
  return index.snapshot.policies.filter(
    (p) => p.enabled && p.rules.some((x) => x.enabled && (x.destinationResource?.id === r.id || x.destinations.some((g) => groups.has(g)))),
  );
}

function routersByNetwork(index: AccountIndex): Map<string, Map<number, NetworkRouter>> {
  const out = new Map<string, Map<number, NetworkRouter>>();
  for (const router of index.snapshot.networkRouters ?? []) {
    if (!router.enabled) continue;
    let m = out.get(router.networkId);
    if (!m) out.set(router.networkId, (m = new Map()));
    const direct = router.peer === '' ? undefined : index.indexOf.get(router.peer);
    if (direct !== undefined) m.set(direct, router);
    else for (const g of router.peerGroups) for (const i of index.groupMembers(g)) m.set(i, router);
  }
  return out;
}

/** Sources of a policy as upstream reads them for resources: the first rule's peer, or all rules' groups. */
function markSources(index: AccountIndex, p: Policy, access: Uint8Array, distribution: Uint8Array): void {
  const first = p.rules[0]?.sourceResource;
  if (first?.type === 'peer' && first.id !== '') {
    const i = index.indexOf.get(first.id);
    if (i !== undefined && index.postureValid(p.sourcePostureChecks, i)) access[i] = 1;
  } else {
    const groups = [...new Set(p.rules.flatMap((r) => r.sources))];
    for (const i of index.groupSide(groups, p.sourcePostureChecks).list) access[i] = 1;
  }
  for (const r of p.rules) {
    for (const g of r.sources) for (const i of index.groupMembers(g)) distribution[i] = 1;
    const res = r.sourceResource;
    const i = res?.type === 'peer' && res.id !== '' ? index.indexOf.get(res.id) : undefined;
    if (i !== undefined) distribution[i] = 1;
  }
}

function buildResourceIndex(index: AccountIndex): ResourceIndex {
  const routers = routersByNetwork(index);
  const entries: ResourceEntry[] = [];
  for (const resource of index.snapshot.networkResources ?? []) {
    if (!resource.enabled) continue;
    const policies = policiesFor(index, resource);
    if (policies.length === 0) continue;
    const access = new Uint8Array(index.size);
    const distribution = new Uint8Array(index.size);
    for (const p of policies) markSources(index, p, access, distribution);
    entries.push({ resource, policies, routers: routers.get(resource.networkId) ?? new Map(), access, distribution, routes: new Map() });
  }
  const byPeer = new Map<number, ResourceEntry[]>();
  const add = (i: number, e: ResourceEntry): void => {
    const list = byPeer.get(i);
    if (list === undefined) byPeer.set(i, [e]);
    else if (list[list.length - 1] !== e) list.push(e);
  };
  for (const e of entries) {
    for (let i = 0; i < index.size; i++) if (e.access[i] === 1 || e.routers.has(i)) add(i, e);
  }
  return { entries, byPeer };
}

const cache = new WeakMap<AccountIndex, ResourceIndex>();

export function resourceIndexFor(index: AccountIndex): ResourceIndex {
  let r = cache.get(index);
  if (!r) cache.set(index, (r = buildResourceIndex(index)));
  return r;
}

/** Upstream `NetworkResource.ToRoute`: `<resourceID>:<routerPeerID>`, NetID = resource name, KeepRoute. */
function routeVia(index: AccountIndex, e: ResourceEntry, routerIndex: number): NetworkMapRoute {
  let route = e.routes.get(routerIndex);
  if (route === undefined) {
    const r = e.resource;
    const router = e.routers.get(routerIndex)!;
    const peer = index.peers[routerIndex]!;
    const isDomain = r.type === 'domain';
    route = Object.freeze({
      id: `${r.id}:${peer.id}`,
      network: isDomain ? DOMAIN_RESOURCE_NETWORK : r.prefix,
      networkType: isDomain ? 3 : r.prefix.includes(':') ? 2 : 1,
      peer: peer.key,
      metric: router.metric,
      masquerade: router.masquerade,
      netId: r.name,
      domains: isDomain ? [r.domain] : [],
      keepRoute: true,
      skipAutoApply: false,
    });
    e.routes.set(routerIndex, route);
  }
  return route;
}

/** Router-side rules for one resource (§4.8 with the policies' sources as distribution); empty ones dropped. */
function routerRules(index: AccountIndex, e: ResourceEntry, route: NetworkMapRoute, self: number): RouteFirewallRule[] {
  const out: RouteFirewallRule[] = [];
  for (const policy of e.policies) {
    for (const rule of policy.rules) {
      if (!rule.enabled) continue;
      const picked = new Set<number>();
      const take = (i: number): void => {
        if (i !== self && e.distribution[i] === 1 && index.validated[i] === 1 && index.postureValid(policy.sourcePostureChecks, i)) picked.add(i);
      };
      for (const g of rule.sources) for (const i of index.groupMembers(g)) take(i);
      const res = rule.sourceResource;
      const single = res?.type === 'peer' && res.id !== '' ? index.indexOf.get(res.id) : undefined;
      if (single !== undefined) take(single);
      if (picked.size === 0) continue;
      const protocol: FirewallProtocol = rule.protocol === 'netbird-ssh' ? 'tcp' : rule.protocol;
      const base = {
        sourceRanges: [...picked].sort((a, b) => a - b).map((i) => `${index.peers[i]!.ip}/32`),
        action: rule.action,
        destination: route.network,
        protocol,
        isDynamic: route.domains.length > 0,
        domains: route.domains,
        policyId: rule.policyId,
        routeId: route.id,
      };
      out.push(...expandRoutePorts(base, rule));
    }
  }
  return out;
}

export interface ResourceMapPart {
  readonly routes: NetworkMapRoute[];
  readonly firewallRules: RouteFirewallRule[];
  /** Peers to add to the receiver's remote peers (not the receiver, not among `present`), ascending. */
  readonly extraPeers: number[];
}

const byRoute = (a: NetworkMapRoute, b: NetworkMapRoute): number =>
  a.id !== b.id ? (a.id < b.id ? -1 : 1) : a.peer < b.peer ? -1 : a.peer > b.peer ? 1 : 0;

const NOTHING: ResourceMapPart = Object.freeze({ routes: [], firewallRules: [], extraPeers: [] });

/** The Networks part of the map of `self`; `present` holds its ACL peers (online and expired), ascending. */
export function networkResourcesFor(index: AccountIndex, self: number, present: Int32Array): ResourceMapPart {
  const entries = resourceIndexFor(index).byPeer.get(self);
  if (entries === undefined) return NOTHING;
  const routes: NetworkMapRoute[] = [];
  const firewallRules: RouteFirewallRule[] = [];
  const extra = new Set<number>();
  for (const e of entries) {
    if (e.routers.has(self)) {
      const route = routeVia(index, e, self);
      routes.push(route);
      firewallRules.push(...routerRules(index, e, route, self));
      for (let i = 0; i < index.size; i++) if (e.access[i] === 1) extra.add(i);
    } else if (e.access[self] === 1) {
      for (const r of e.routers.keys()) {
        routes.push(routeVia(index, e, r));
        extra.add(r);
      }
    }
  }
  extra.delete(self);
  const isPresent = (i: number): boolean => present[lowerBound(present, i)] === i;
  const extraPeers = [...extra].filter((i) => !isPresent(i)).sort((a, b) => a - b);
  return { routes: routes.sort(byRoute), firewallRules, extraPeers };
}
