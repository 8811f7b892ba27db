/**
 * Which routes each peer serves (upstream `getRoutingPeerRoutes`), computed once per snapshot:
 * a route naming the peer directly, and a per-peer copy `<routeID>:<peerID>` of every route whose
 * peer groups contain it. Enabled ones are sent with the router's WireGuard key; enabled and
 * disabled ones both count as the peer's HA memberships.
 */
import type { Route } from '../domain/model.js';
import type { AccountIndex } from './account-index.js';
import type { NetworkMapRoute } from './network-map.js';

export interface ServedRoute {
  /** The stored route (for its groups and access-control groups). */
  readonly route: Route;
  /** Route ID as sent: the stored ID, or `<routeID>:<peerID>` for peer-group routes. */
  readonly id: string;
  /** HA group identity: NetID plus network (or domains for dynamic routes). */
  readonly haId: string;
  /** The wire-shaped route (routing peer = this peer's key); only for enabled routes. */
  readonly out: NetworkMapRoute | null;
}

export interface PeerRoutes {
  readonly enabled: readonly ServedRoute[];
  readonly haIds: ReadonlySet<string>;
}

/** Routes served, per peer index. */
export type ServedRoutes = readonly PeerRoutes[];

const NONE: PeerRoutes = { enabled: [], haIds: new Set() };

/** Route is dynamic (DNS route) when it carries domains. */
export function isDynamicRoute(route: Pick<Route, 'domains'>): boolean {
  return route.domains.length > 0;
}

export function haIdOf(route: Pick<Route, 'netId' | 'network' | 'domains'>): string {
  return `${route.netId}|${isDynamicRoute(route) ? route.domains.join(', ') : route.network}`;
}

function served(route: Route, id: string, peerKey: string): ServedRoute {
  const out: NetworkMapRoute | null = route.enabled
    ? Object.freeze({
        id,
        network: route.network,
        networkType: route.networkType,
        peer: peerKey,
        metric: route.metric,
        masquerade: route.masquerade,
        netId: route.netId,
        domains: route.domains,
        keepRoute: route.keepRoute,
        skipAutoApply: route.skipAutoApply,
      })
    : null;
  return { route, id, haId: haIdOf(route), out };
}

export function buildServedRoutes(index: AccountIndex): ServedRoutes {
  const perPeer = new Map<number, Map<string, ServedRoute>>();
  const take = (i: number, route: Route, id: string): void => {
    let m = perPeer.get(i);
    if (!m) perPeer.set(i, (m = new Map()));
    if (!m.has(id)) m.set(id, served(route, id, index.peers[i]!.key));
  };
  for (const route of index.snapshot.routes) {
    for (const groupId of route.peerGroups) {
      for (const i of index.groupMembers(groupId)) take(i, route, `${route.id}:${index.peers[i]!.id}`);
    }
    const direct = route.peer === '' ? undefined : index.indexOf.get(route.peer);
    if (direct !== undefined) take(direct, route, route.id);
  }
  return index.peers.map((_, i) => {
    const m = perPeer.get(i);
    if (!m) return NONE;
    const all = [...m.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return { enabled: all.filter((r) => r.out !== null), haIds: new Set(all.map((r) => r.haId)) };
  });
}
