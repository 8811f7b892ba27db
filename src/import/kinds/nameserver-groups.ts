/** `name_server_groups`: `name_servers` is `[{"IP","NSType","Port"}]`; NSType 1 (UDP) is the only kind. */
import type { NameServerGroup } from '../../domain/model.js';
import type { KindImporter } from '../kind-importer.js';
import { int, objectList, oneOf, str, stringList } from '../values/json-shapes.js';

const NS_TYPES = [1] as const;

export const nameServerGroupsImporter: KindImporter<NameServerGroup> = {
  kind: 'nameserver groups',
  table: 'name_server_groups',
  columns: ['id', 'account_id', 'name', 'description', 'name_servers', 'groups', 'primary', 'domains', 'enabled', 'search_domains_enabled'],
  idOf: (r) => r.text('id'),
  map: (r) => ({
    id: r.text('id'),
    accountId: r.text('account_id'),
    name: r.text('name'),
    description: r.text('description'),
    nameServers: objectList('name_servers', r.json('name_servers'), ['IP', 'NSType', 'Port']).map((o) => ({
      ip: str('name_servers', o, 'IP'),
      nsType: oneOf('name_servers NSType', int('name_servers', o, 'NSType'), NS_TYPES),
      port: int('name_servers', o, 'Port'),
    })),
    groups: stringList('groups', r.json('groups')),
    primary: r.flag('primary'),
    domains: stringList('domains', r.json('domains')),
    searchDomainsEnabled: r.flag('search_domains_enabled'),
    enabled: r.flag('enabled'),
  }),
};
