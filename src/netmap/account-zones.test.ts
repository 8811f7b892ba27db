import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DnsRecord, DnsZone } from '../domain/model.js';
import { accountZonesFor, toCustomZone, understandsAccountZones } from './account-zones.js';
import { accountBuilder } from './fixtures/account-builder.js';
import { mapOf } from './fixtures/map-view.js';

const rec = (id: string, name: string, type: DnsRecord['type'], content: string, ttl = 300): DnsRecord => ({ id, accountId: 'acc', zoneId: 'z', name, type, content, ttl });
const zone = (id: string, over: Partial<DnsZone> = {}): DnsZone => ({
  id, accountId: 'acc', name: id, domain: `${id}.example`, enabled: true, enableSearchDomain: false, distributionGroups: ['g1'],
  records: [rec(`${id}-r1`, `app.${id}.example`, 'A', '10.0.0.1')], ...over,
});

describe('account zones', () => {
  it('understandsAccountZones: NonAuthoritative is known from v0.63.0', () => {
    const table: [string, boolean][] = [['0.63.0', true], ['0.70.1', true], ['development', true], ['0.62.9', false], ['0.60.3', false], ['0.20.0', false], ['', false], ['garbage', false]];
    for (const [v, want] of table) assert.equal(understandsAccountZones(v), want, v);
  });

  it('toCustomZone: FQDN domain and names, RR type numbers, CNAME target FQDN, record TTL, non-authoritative', () => {
    const z = zone('corp', {
      enableSearchDomain: true,
      records: [rec('1', 'app.corp.example', 'A', '10.0.0.1', 60), rec('2', 'v6.corp.example', 'AAAA', 'fd00::1'), rec('3', 'www.corp.example', 'CNAME', 'app.corp.example')],
    });
    assert.deepEqual(toCustomZone(z), {
      domain: 'corp.example.',
      searchDomainDisabled: false,
      nonAuthoritative: true,
      records: [
        { name: 'app.corp.example.', type: 1, class: 'IN', ttl: 60, rdata: '10.0.0.1' },
        { name: 'v6.corp.example.', type: 28, class: 'IN', ttl: 300, rdata: 'fd00::1' },
        { name: 'www.corp.example.', type: 5, class: 'IN', ttl: 300, rdata: 'app.corp.example.' },
      ],
    });
    assert.equal(toCustomZone(zone('x')).searchDomainDisabled, true);
  });

  it('accountZonesFor: enabled, with records, distributed to the receiver, new enough client; by zone ID', () => {
    const zones = [zone('b'), zone('a', { distributionGroups: ['g2', 'g1'] }), zone('off', { enabled: false }), zone('empty', { records: [] }), zone('other', { distributionGroups: ['g9'] })];
    const table: [string, Set<string>, string, string[]][] = [
      ['member of g1', new Set(['g1']), '0.70.0', ['a.example.', 'b.example.']],
      ['member of g2 only', new Set(['g2']), '0.70.0', ['a.example.']],
      ['in no distribution group', new Set(['g3']), '0.70.0', []],
      ['old client', new Set(['g1', 'g2']), '0.62.0', []],
    ];
    for (const [name, groups, version, want] of table) assert.deepEqual(accountZonesFor(zones, groups, version).map((z) => z.domain), want, name);
  });

  it('in the map: after the peer zone, only for peers of the distribution groups, none when DNS management is disabled', () => {
    const modern = { meta: { netbirdVersion: '0.70.0' } };
    const base = accountBuilder().peer('a', modern).peer('b', modern).peer('old', { meta: { netbirdVersion: '0.59.0' } }).peer('nodns', modern)
      .group('g1', ['a', 'old', 'nodns']).group('off', ['nodns']).disableDnsManagement(['off']).allowAll().build();
    const s = { ...base, dnsZones: [zone('corp')] };
    assert.deepEqual(mapOf(s, 'a').dnsConfig.customZones.map((z) => z.domain), ['netbird.selfhosted.', 'corp.example.']);
    assert.deepEqual(mapOf(s, 'b').dnsConfig.customZones.map((z) => z.domain), ['netbird.selfhosted.']);
    assert.deepEqual(mapOf(s, 'old').dnsConfig.customZones.map((z) => z.domain), ['netbird.selfhosted.']);
    assert.deepEqual(mapOf(s, 'nodns').dnsConfig.customZones, []);
    assert.deepEqual(mapOf(s, 'a', { dnsDomain: '' }).dnsConfig.customZones.map((z) => z.domain), ['corp.example.']);
  });
});
