import type { InitiatorId } from '../activity/activity-event.js';
import type { ActivityNote } from '../activity/record-activity.js';
import type { DnsRecord, DnsZone } from '../model.js';

/** Upstream's zone meta: its name and domain. */
export function zoneEventMeta(zone: Pick<DnsZone, 'name' | 'domain'>): Record<string, unknown> {
  return { name: zone.name, domain: zone.domain };
}

/** Upstream's record meta: the record (TTL as a number) and the zone it is in. */
export function recordEventMeta(record: DnsRecord, zone: Pick<DnsZone, 'id' | 'name'>): Record<string, unknown> {
  return { name: record.name, type: record.type, content: record.content, ttl: record.ttl, zone_id: zone.id, zone_name: zone.name };
}

/** A zone removed with its records, as upstream records it: each record's deletion, then the zone's. */
export function zoneDeleteNotes(zone: DnsZone, by: InitiatorId): ActivityNote[] {
  return [
    ...zone.records.map((r): ActivityNote => ({ activity: 'DNSRecordDeleted', initiatorId: by, targetId: r.id, meta: recordEventMeta(r, zone) })),
    { activity: 'DNSZoneDeleted', initiatorId: by, targetId: zone.id, meta: zoneEventMeta(zone) },
  ];
}
