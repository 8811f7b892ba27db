import type { Route, RouteNetworkType } from '../../domain/model.js';
import type { RoutesTable } from '../schema/database.js';
import { fromFlag, fromJson, toFlag, toJson } from './column-codec.js';

export function routeFromRow(r: RoutesTable): Route {
  return {
    id: r.id,
    accountId: r.account_id,
    netId: r.net_id,
    description: r.description,
    network: r.network,
    networkType: r.network_type as RouteNetworkType,
    domains: fromJson<string[]>(r.domains),
    keepRoute: fromFlag(r.keep_route),
    peer: r.peer,
    peerGroups: fromJson<string[]>(r.peer_groups),
    metric: r.metric,
    masquerade: fromFlag(r.masquerade),
    enabled: fromFlag(r.enabled),
    groups: fromJson<string[]>(r.groups),
    accessControlGroups: fromJson<string[]>(r.access_control_groups),
    skipAutoApply: fromFlag(r.skip_auto_apply),
  };
}

export function routeToRow(r: Route): RoutesTable {
  return {
    id: r.id,
    account_id: r.accountId,
    net_id: r.netId,
    description: r.description,
    network: r.network,
    network_type: r.networkType,
    domains: toJson(r.domains),
    keep_route: toFlag(r.keepRoute),
    peer: r.peer,
    peer_groups: toJson(r.peerGroups),
    metric: r.metric,
    masquerade: toFlag(r.masquerade),
    enabled: toFlag(r.enabled),
    groups: toJson(r.groups),
    access_control_groups: toJson(r.accessControlGroups),
    skip_auto_apply: toFlag(r.skipAutoApply),
  };
}
