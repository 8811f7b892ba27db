import type { NetworkResource, NetworkResourceType, NetworkRouter, ResourceNetwork } from '../../domain/model.js';
import type { NetworkResourcesTable, NetworkRoutersTable, NetworksTable } from '../schema/database.js';
import { fromFlag, fromJson, toFlag, toJson } from './column-codec.js';

/** Row codecs of the Networks feature's three tables (migration 0008). */
export const networkCodec = {
  fromRow: (r: NetworksTable): ResourceNetwork => ({ id: r.id, accountId: r.account_id, name: r.name, description: r.description }),
  toRow: (n: ResourceNetwork): NetworksTable => ({ id: n.id, account_id: n.accountId, name: n.name, description: n.description }),
};

export const networkResourceCodec = {
  fromRow: (r: NetworkResourcesTable): NetworkResource => ({
    id: r.id,
    accountId: r.account_id,
    networkId: r.network_id,
    name: r.name,
    description: r.description,
    type: r.type as NetworkResourceType,
    prefix: r.prefix,
    domain: r.domain,
    enabled: fromFlag(r.enabled),
    groups: fromJson<string[]>(r.groups),
  }),
  toRow: (n: NetworkResource): NetworkResourcesTable => ({
    id: n.id,
    account_id: n.accountId,
    network_id: n.networkId,
    name: n.name,
    description: n.description,
    type: n.type,
    prefix: n.prefix,
    domain: n.domain,
    enabled: toFlag(n.enabled),
    groups: toJson(n.groups),
  }),
};

export const networkRouterCodec = {
  fromRow: (r: NetworkRoutersTable): NetworkRouter => ({
    id: r.id,
    accountId: r.account_id,
    networkId: r.network_id,
    peer: r.peer,
    peerGroups: fromJson<string[]>(r.peer_groups),
    masquerade: fromFlag(r.masquerade),
    metric: r.metric,
    enabled: fromFlag(r.enabled),
  }),
  toRow: (n: NetworkRouter): NetworkRoutersTable => ({
    id: n.id,
    account_id: n.accountId,
    network_id: n.networkId,
    peer: n.peer,
    peer_groups: toJson(n.peerGroups),
    masquerade: toFlag(n.masquerade),
    metric: n.metric,
    enabled: toFlag(n.enabled),
  }),
};
