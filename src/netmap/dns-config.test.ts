import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { accountBuilder } from './fixtures/account-builder.js';
import { NOW, mapOf } from './fixtures/map-view.js';
import { dnsServiceEnabled, nameServerGroupApplies } from './dns-config.js';

describe('dnsServiceEnabled / nameServerGroupApplies', () => {
  it('disabled management groups switch the service off', () => {
    assert.equal(dnsServiceEnabled(['g1'], new Set(['g1', 'g2'])), false);
    assert.equal(dnsServiceEnabled(['g3'], new Set(['g1'])), true);
  });
  const ns = (over: object = {}) => ({
    id: 'n', accountId: 'x', name: 'n', description: '', nameServers: [{ ip: '100.64.0.9', nsType: 1, port: 53 }],
    groups: ['g'], primary: true, domains: [], searchDomainsEnabled: false, enabled: true, ...over,
  });
  const cases: [string, ReturnType<typeof ns>, string, boolean][] = [
    ['distributed', ns(), '100.64.0.1', true],
    ['not distributed', ns({ groups: ['other'] }), '100.64.0.1', false],
    ['disabled', ns({ enabled: false }), '100.64.0.1', false],
    ['receiver is one of its nameservers', ns(), '100.64.0.9', false],
  ];
  for (const [name, group, ip, expected] of cases) it(name, () => assert.equal(nameServerGroupApplies(group, new Set(['g']), ip), expected));
});

describe('DNS config', () => {
  it('a peer in a DNS-disabled group gets serviceEnable false and nothing else', () => {
    const s = accountBuilder().peer('a').peer('b').group('nodns', ['a']).disableDnsManagement(['nodns']).allowAll()
      .nameServerGroup('ns', { groups: ['all'] }).build();
    assert.deepEqual(mapOf(s, 'a').dnsConfig, { serviceEnable: false, nameServerGroups: [], customZones: [], forwarderPort: 22054 });
    assert.equal(mapOf(s, 'b').dnsConfig.serviceEnable, true);
  });

  it('peer zone: A records of self, visible and expired peers, extra labels, TTL 300, class IN', () => {
    const s = accountBuilder()
      .peer('a', { extraDnsLabels: ['alias'] })
      .peer('b')
      .peer('hidden')
      .peer('exp', { userId: 'u', loginExpirationEnabled: true, lastLogin: NOW - 3 * 86_400_000 })
      .group('seen', ['a', 'b', 'exp'])
      .policy('p', { rules: [{ sources: ['seen'], destinations: ['seen'], bidirectional: true }] }).build();
    const zones = mapOf(s, 'b').dnsConfig.customZones;
    assert.equal(zones.length, 1);
    assert.equal(zones[0]!.domain, 'netbird.selfhosted.');
    assert.deepEqual(zones[0]!.records.map((r) => `${r.name} ${r.type} ${r.class} ${r.ttl} ${r.rdata}`), [
      'a.netbird.selfhosted 1 IN 300 100.64.0.1',
      'alias.netbird.selfhosted 1 IN 300 100.64.0.1',
      'b.netbird.selfhosted 1 IN 300 100.64.0.2',
      'exp.netbird.selfhosted 1 IN 300 100.64.0.4',
    ]);
    assert.equal(zones[0]!.searchDomainDisabled, false);
  });

  it('no peer zone without a DNS domain', () => {
    const s = accountBuilder().peer('a').build();
    assert.deepEqual(mapOf(s, 'a', { dnsDomain: '' }).dnsConfig.customZones, []);
  });

  it('nameserver groups: by distribution group, excluding groups the receiver serves', () => {
    const s = accountBuilder().peer('a').peer('dns').group('clients', ['a', 'dns'])
      .nameServerGroup('ns1', { groups: ['clients'], nameServers: [{ ip: '100.64.0.2', nsType: 1, port: 53 }], primary: false, domains: ['corp'] })
      .nameServerGroup('ns2', { groups: ['nobody'] }).build();
    assert.deepEqual(mapOf(s, 'a').dnsConfig.nameServerGroups, [
      { nameServers: [{ ip: '100.64.0.2', nsType: 1, port: 53 }], primary: false, domains: ['corp'], searchDomainsEnabled: false },
    ]);
    assert.deepEqual(mapOf(s, 'dns').dnsConfig.nameServerGroups, []);
  });

  it('forwarder port 22054 only when every peer is ≥ 0.59.0', () => {
    const fresh = accountBuilder().peer('a').peer('b', { meta: { netbirdVersion: 'development' } }).build();
    assert.equal(mapOf(fresh, 'a').dnsConfig.forwarderPort, 22054);
    const mixed = accountBuilder().peer('a').peer('b', { meta: { netbirdVersion: '0.58.1' } }).build();
    assert.equal(mapOf(mixed, 'a').dnsConfig.forwarderPort, 5353);
  });
});
