import type { NameServerGroup } from '../../domain/model.js';

/** Upstream's nameserver types by number (only UDP exists). */
const NS_TYPE_NAMES: Readonly<Record<number, string>> = { 1: 'udp' };

/** The API name of an `nsType`; `invalid` for numbers upstream does not know. */
export const nsTypeName = (nsType: number): string => NS_TYPE_NAMES[nsType] ?? 'invalid';

export interface ApiNameserver {
  ip: string;
  ns_type: string;
  port: number;
}

/** OpenAPI `NameserverGroup`. */
export interface ApiNameserverGroup {
  id: string;
  name: string;
  description: string;
  nameservers: ApiNameserver[];
  enabled: boolean;
  groups: string[];
  primary: boolean;
  domains: string[];
  search_domains_enabled: boolean;
}

export function toApiNameserverGroup(g: NameServerGroup): ApiNameserverGroup {
  return {
    id: g.id,
    name: g.name,
    description: g.description,
    nameservers: g.nameServers.map((ns) => ({ ip: ns.ip, ns_type: nsTypeName(ns.nsType), port: ns.port })),
    enabled: g.enabled,
    groups: [...g.groups],
    primary: g.primary,
    domains: [...g.domains],
    search_domains_enabled: g.searchDomainsEnabled,
  };
}
