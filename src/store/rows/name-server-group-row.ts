import type { NameServer, NameServerGroup } from '../../domain/model.js';
import type { NameServerGroupsTable } from '../schema/database.js';
import { fromFlag, fromJson, toFlag, toJson } from './column-codec.js';

export function nameServerGroupFromRow(r: NameServerGroupsTable): NameServerGroup {
  return {
    id: r.id,
    accountId: r.account_id,
    name: r.name,
    description: r.description,
    nameServers: fromJson<NameServer[]>(r.name_servers),
    groups: fromJson<string[]>(r.groups),
    primary: fromFlag(r.is_primary),
    domains: fromJson<string[]>(r.domains),
    searchDomainsEnabled: fromFlag(r.search_domains_enabled),
    enabled: fromFlag(r.enabled),
  };
}

export function nameServerGroupToRow(g: NameServerGroup): NameServerGroupsTable {
  return {
    id: g.id,
    account_id: g.accountId,
    name: g.name,
    description: g.description,
    name_servers: toJson(g.nameServers),
    groups: toJson(g.groups),
    is_primary: toFlag(g.primary),
    domains: toJson(g.domains),
    search_domains_enabled: toFlag(g.searchDomainsEnabled),
    enabled: toFlag(g.enabled),
  };
}
