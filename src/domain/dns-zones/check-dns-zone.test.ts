import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DnsRecord, DnsZone } from '../model.js';
import { recordConflict, recordProblem, zoneProblem } from './check-dns-zone.js';

test('zoneProblem: name, domain and distribution groups', () => {
  const ok = { name: 'Internal', domain: 'corp.example', distributionGroups: ['g1'] };
  const table: [Partial<typeof ok>, string | null][] = [
    [{}, null],
    [{ name: '' }, 'zone name is required'],
    [{ name: 'x'.repeat(256) }, 'zone name exceeds maximum length of 255 characters'],
    [{ domain: '*.corp.example' }, 'invalid zone domain format'],
    [{ domain: 'bad domain' }, 'invalid zone domain format'],
    [{ domain: '' }, 'invalid zone domain format'],
    [{ distributionGroups: [] }, 'at least one distribution group is required'],
  ];
  for (const [over, want] of table) assert.equal(zoneProblem({ ...ok, ...over }), want, JSON.stringify(over));
});

test('recordProblem: each type checks its content', () => {
  const table: [Pick<DnsRecord, 'name' | 'type' | 'content' | 'ttl'>, string | null][] = [
    [{ name: 'a.corp.example', type: 'A', content: '10.0.0.1', ttl: 300 }, null],
    [{ name: '*.corp.example', type: 'A', content: '10.0.0.1', ttl: 0 }, null],
    [{ name: 'a.corp.example', type: 'A', content: 'fd00::1', ttl: 300 }, 'A record must be a valid IPv4 address'],
    [{ name: 'a.corp.example', type: 'A', content: '', ttl: 300 }, 'A record is required'],
    [{ name: 'a.corp.example', type: 'AAAA', content: 'fd00::1', ttl: 300 }, null],
    [{ name: 'a.corp.example', type: 'AAAA', content: '10.0.0.1', ttl: 300 }, 'AAAA record must be a valid IPv6 address'],
    [{ name: 'a.corp.example', type: 'AAAA', content: '::ffff:10.0.0.1', ttl: 300 }, 'AAAA record must be a valid IPv6 address'],
    [{ name: 'a.corp.example', type: 'CNAME', content: 'b.corp.example', ttl: 300 }, null],
    [{ name: 'a.corp.example', type: 'CNAME', content: '*.corp.example', ttl: 300 }, 'invalid CNAME target format'],
    [{ name: 'a.corp.example', type: 'MX' as 'A', content: 'x', ttl: 300 }, 'invalid record type, must be A, AAAA, or CNAME'],
    [{ name: 'a.corp.example', type: '' as 'A', content: 'x', ttl: 300 }, 'record type is required'],
    [{ name: '', type: 'A', content: '10.0.0.1', ttl: 300 }, 'record name is required'],
    [{ name: 'a b', type: 'A', content: '10.0.0.1', ttl: 300 }, 'invalid record name format'],
    [{ name: 'a.corp.example', type: 'A', content: '10.0.0.1', ttl: -1 }, 'TTL cannot be negative'],
  ];
  for (const [r, want] of table) assert.equal(recordProblem(r), want, JSON.stringify(r));
});

test('recordConflict: inside the zone, no duplicate, CNAME stands alone', () => {
  const rec = (id: string, name: string, type: DnsRecord['type'], content: string): DnsRecord => ({ id, accountId: 'a', zoneId: 'z', name, type, content, ttl: 300 });
  const zone: DnsZone = {
    id: 'z', accountId: 'a', name: 'Z', domain: 'corp.example', enabled: true, enableSearchDomain: false, distributionGroups: ['g'],
    records: [rec('r1', 'app.corp.example', 'A', '10.0.0.1'), rec('r2', 'www.corp.example', 'CNAME', 'app.corp.example')],
  };
  const table: [ReturnType<typeof rec>, string | null][] = [
    [rec('n', 'app.corp.example', 'A', '10.0.0.2'), null],
    [rec('n', 'corp.example', 'A', '10.0.0.2'), null],
    [rec('n', 'app.other.example', 'A', '10.0.0.2'), 'InvalidArgument'],
    [rec('n', 'xcorp.example', 'A', '10.0.0.2'), 'InvalidArgument'],
    [rec('n', 'app.corp.example', 'A', '10.0.0.1'), 'AlreadyExists'],
    [rec('r1', 'app.corp.example', 'A', '10.0.0.1'), null],
    [rec('n', 'app.corp.example', 'CNAME', 'x.corp.example'), 'InvalidArgument'],
    [rec('n', 'www.corp.example', 'A', '10.0.0.3'), 'InvalidArgument'],
  ];
  for (const [r, want] of table) assert.equal(recordConflict(zone, r)?.kind ?? null, want, JSON.stringify(r));
});
