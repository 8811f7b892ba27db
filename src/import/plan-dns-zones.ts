/**
 * The DNS-zone part of a plan: zones (their distribution groups must be in the plan), then
 * records, each checked against its zone's records so far as the API checks a new record.
 */
import { recordConflict } from '../domain/dns-zones/check-dns-zone.js';
import type { DnsZone } from '../domain/model.js';
import { dnsRecordsImporter, dnsZonesImporter } from './kinds/dns-zones.js';
import { type Keep, type MapTable, NO_CONTEXT } from './table-mapper.js';

export async function planDnsZones(mapTable: MapTable, inAccount: Keep<{ accountId: string }>, groupIds: ReadonlySet<string>): Promise<DnsZone[]> {
  const zones = await mapTable(dnsZonesImporter, NO_CONTEXT, (z) => inAccount(z) ?? z.distributionGroups.filter((g) => !groupIds.has(g)).map((g) => `group ${g} is not in the store`)[0]);
  const byId = new Map(zones.map((z) => [z.id, z]));
  await mapTable(dnsRecordsImporter, NO_CONTEXT, (rec) => {
    const zone = byId.get(rec.zoneId);
    if (zone === undefined || zone.accountId !== rec.accountId) return `zone ${rec.zoneId} is not in the store`;
    const conflict = recordConflict(zone, rec);
    if (conflict !== null) return conflict.message;
    byId.set(zone.id, { ...zone, records: [...zone.records, rec] });
    return undefined;
  });
  return [...byId.values()].map((z) => ({ ...z, records: [...z.records].sort((a, b) => (a.id < b.id ? -1 : 1)) }));
}
