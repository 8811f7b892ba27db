/** `routes`: JSON-quoted network, integer network type (1 IPv4, 2 IPv6, 3 domain), Go lists. */
import type { Route, RouteNetworkType } from '../../domain/model.js';
import type { KindImporter } from '../kind-importer.js';
import { oneOf, stringList } from '../values/json-shapes.js';

const NETWORK_TYPES: readonly RouteNetworkType[] = [1, 2, 3];

export const routesImporter: KindImporter<Route> = {
  kind: 'routes',
  table: 'routes',
  columns: [
    'id',
    'account_id',
    'network',
    'domains',
    'keep_route',
    'net_id',
    'description',
    'peer',
    'peer_groups',
    'network_type',
    'masquerade',
    'metric',
    'enabled',
    'groups',
    'access_control_groups',
    'skip_auto_apply',
  ],
  idOf: (r) => r.text('id'),
  map: (r) => ({
    id: r.text('id'),
    accountId: r.text('account_id'),
    netId: r.text('net_id'),
    description: r.text('description'),
    network: r.quoted('network'),
    networkType: oneOf('network_type', r.int('network_type'), NETWORK_TYPES),
    domains: stringList('domains', r.json('domains')),
    keepRoute: r.flag('keep_route'),
    peer: r.text('peer'),
    peerGroups: stringList('peer_groups', r.json('peer_groups')),
    metric: r.int('metric'),
    masquerade: r.flag('masquerade'),
    enabled: r.flag('enabled'),
    groups: stringList('groups', r.json('groups')),
    accessControlGroups: stringList('access_control_groups', r.json('access_control_groups')),
    skipAutoApply: r.flag('skip_auto_apply'),
  }),
};
