import type { DnsRecord, DnsRecordType, DnsZone } from '../../domain/model.js';
import type { DnsRecordsTable, DnsZonesTable } from '../schema/database.js';
import { byId, fromFlag, fromJson, toFlag, toJson } from './column-codec.js';

/** A zone row plus its record rows → the domain zone (records sorted by ID). */
export function dnsZoneFromRow(r: DnsZonesTable, records: readonly DnsRecordsTable[]): DnsZone {
  return {
    id: r.id,
    accountId: r.account_id,
    name: r.name,
    domain: r.domain,
    enabled: fromFlag(r.enabled),
    enableSearchDomain: fromFlag(r.enable_search_domain),
    distributionGroups: fromJson<string[]>(r.distribution_groups),
    records: records.map(dnsRecordFromRow).sort(byId),
  };
}

export function dnsZoneToRow(z: DnsZone): DnsZonesTable {
  return {
    id: z.id,
    account_id: z.accountId,
    name: z.name,
    domain: z.domain,
    enabled: toFlag(z.enabled),
    enable_search_domain: toFlag(z.enableSearchDomain),
    distribution_groups: toJson(z.distributionGroups),
  };
}

export function dnsRecordFromRow(r: DnsRecordsTable): DnsRecord {
  return { id: r.id, accountId: r.account_id, zoneId: r.zone_id, name: r.name, type: r.type as DnsRecordType, content: r.content, ttl: Number(r.ttl) };
}

export function dnsRecordToRow(r: DnsRecord): DnsRecordsTable {
  return { id: r.id, account_id: r.accountId, zone_id: r.zoneId, name: r.name, type: r.type, content: r.content, ttl: r.ttl };
}
