import type { NameServerGroupInput } from '../../domain/nameservers/nameserver-group-service.js';
import type { NameserverGroupRequest } from '../schemas/nameserver-group-request.js';

/** `udp` → 1; anything else → 0, which the domain refuses (422) as upstream's validation does. */
export const parseNsType = (name: string): number => (name === 'udp' ? 1 : 0);

export function toNameServerGroupInput(b: NameserverGroupRequest): NameServerGroupInput {
  return {
    name: b.name,
    description: b.description,
    nameServers: (b.nameservers ?? []).map((ns) => ({ ip: ns.ip, nsType: parseNsType(ns.ns_type), port: ns.port })),
    groups: b.groups ?? [],
    primary: b.primary,
    domains: b.domains ?? [],
    searchDomainsEnabled: b.search_domains_enabled,
    enabled: b.enabled,
  };
}
