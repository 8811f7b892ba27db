import type { DnsRecord, DnsZone } from '../../domain/model.js';

/** OpenAPI `DNSRecord`. */
export interface ApiDnsRecord {
  id: string;
  name: string;
  type: string;
  content: string;
  ttl: number;
}

/** OpenAPI `Zone`. */
export interface ApiZone {
  id: string;
  name: string;
  domain: string;
  enabled: boolean;
  enable_search_domain: boolean;
  distribution_groups: string[];
  records: ApiDnsRecord[];
}

export function toApiDnsRecord(r: DnsRecord): ApiDnsRecord {
  return { id: r.id, name: r.name, type: r.type, content: r.content, ttl: r.ttl };
}

export function toApiZone(z: DnsZone): ApiZone {
  return {
    id: z.id,
    name: z.name,
    domain: z.domain,
    enabled: z.enabled,
    enable_search_domain: z.enableSearchDomain,
    distribution_groups: [...z.distributionGroups],
    records: z.records.map(toApiDnsRecord),
  };
}
