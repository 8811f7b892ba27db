import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DnsRecord, DnsZone } from '../model.js';
import { recordEventMeta, zoneDeleteNotes } from './dns-zone-event-notes.js';

const record = (id: string): DnsRecord => ({ id, accountId: 'a', zoneId: 'z', name: `${id}.svc.example`, type: 'A', content: '10.0.0.1', ttl: 300 });
const zone: DnsZone = {
  id: 'z', accountId: 'a', name: 'Services', domain: 'svc.example', enabled: true, enableSearchDomain: false, distributionGroups: [], records: [record('r1'), record('r2')],
};

test("recordEventMeta: upstream's keys, TTL kept a number", () => {
  assert.deepEqual(recordEventMeta(record('r1'), zone), { name: 'r1.svc.example', type: 'A', content: '10.0.0.1', ttl: 300, zone_id: 'z', zone_name: 'Services' });
});

test('zoneDeleteNotes: each record, then the zone', () => {
  const cases: [DnsZone, [string, string][]][] = [
    [zone, [['DNSRecordDeleted', 'r1'], ['DNSRecordDeleted', 'r2'], ['DNSZoneDeleted', 'z']]],
    [{ ...zone, records: [] }, [['DNSZoneDeleted', 'z']]],
  ];
  for (const [z, want] of cases) {
    const notes = zoneDeleteNotes(z, 'u');
    assert.deepEqual(notes.map((n) => [n.activity, n.targetId]), want);
    assert.ok(notes.every((n) => n.initiatorId === 'u'));
    assert.deepEqual(notes.at(-1)!.meta, { name: 'Services', domain: 'svc.example' });
  }
});
