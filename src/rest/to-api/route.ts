import type { Route, RouteNetworkType } from '../../domain/model.js';

/** OpenAPI `Route`. */
export interface ApiRoute {
  id: string;
  network_type: string;
  description: string;
  network_id: string;
  enabled: boolean;
  peer: string;
  peer_groups?: string[];
  network: string;
  domains: string[];
  metric: number;
  masquerade: boolean;
  groups: string[];
  keep_route: boolean;
  access_control_groups?: string[];
  skip_auto_apply: boolean;
}

const NETWORK_TYPE_NAMES: Readonly<Record<RouteNetworkType, string>> = { 0: 'Invalid', 1: 'IPv4', 2: 'IPv6', 3: 'Domain' };

/** Upstream's `NetworkType.String()`. */
export const networkTypeName = (t: RouteNetworkType): string => NETWORK_TYPE_NAMES[t];

/** Optional lists appear only when non-empty, as upstream writes them. */
export function toApiRoute(r: Route): ApiRoute {
  return {
    id: r.id,
    network_type: networkTypeName(r.networkType),
    description: r.description,
    network_id: r.netId,
    enabled: r.enabled,
    peer: r.peer,
    ...(r.peerGroups.length > 0 ? { peer_groups: [...r.peerGroups] } : {}),
    network: r.network,
    domains: [...r.domains],
    metric: r.metric,
    masquerade: r.masquerade,
    groups: [...r.groups],
    keep_route: r.keepRoute,
    ...(r.accessControlGroups.length > 0 ? { access_control_groups: [...r.accessControlGroups] } : {}),
    skip_auto_apply: r.skipAutoApply,
  };
}
