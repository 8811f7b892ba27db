import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { accountBuilder } from './fixtures/account-builder.js';
import { idsOf, mapOf } from './fixtures/map-view.js';
import type { NetworkMap } from './network-map.js';

const routesOf = (m: NetworkMap) => m.routes.map((r) => `${r.id}@${r.peer.replace(/^key-/, '')} m${r.metric}${r.masquerade ? ' masq' : ''}`);
const ruleText = (m: NetworkMap) => m.routesFirewallRules.map((r) => `${r.routeId} ${r.protocol} ${r.sourceRanges.join(',')}->${r.destination}${r.port === null ? '' : `:${r.port}`}`);

/** a and b are clients, r routes network `net`; no allow-all policy. */
const base = () =>
  accountBuilder().peer('a').peer('b').peer('r')
    .group('devs', ['a']).group('res', [])
    .networkResource('lan', { groups: ['res'] })
    .networkRouter('rt', { peer: 'r', metric: 100 });

describe('network resources', () => {
  it('a peer reaches a subnet resource only through a policy that names it', () => {
    const none = base().build();
    for (const p of ['a', 'b', 'r']) assert.deepEqual(mapOf(none, p).routes, [], `no policy: ${p}`);

    const s = base().policy('p', { rules: [{ sources: ['devs'], destinations: ['res'], protocol: 'tcp', ports: ['443'] }] }).build();
    const a = mapOf(s, 'a');
    assert.deepEqual(a.routes, [{
      id: 'lan:r', network: '10.20.0.0/24', networkType: 1, peer: 'key-r', metric: 100, masquerade: false,
      netId: 'lan', domains: [], keepRoute: true, skipAutoApply: false,
    }]);
    assert.deepEqual(idsOf(a.remotePeers), ['r'], 'the routing peer is pulled into the map');
    assert.deepEqual(a.firewallRules, [], 'a resource policy adds no peer-to-peer rules');
    const b = mapOf(s, 'b');
    assert.deepEqual([b.routes, idsOf(b.remotePeers)], [[], []], 'not a source: nothing');
    const r = mapOf(s, 'r');
    assert.deepEqual(routesOf(r), ['lan:r@r m100']);
    assert.deepEqual(ruleText(r), ['lan:r tcp 100.64.0.1/32->10.20.0.0/24:443']);
    assert.deepEqual(idsOf(r.remotePeers), ['a'], 'the router gets the sources');
    const names = (m: NetworkMap) => m.dnsConfig.customZones[0]!.records.map((x) => x.name).sort();
    assert.deepEqual(names(a), ['a.netbird.selfhosted', 'r.netbird.selfhosted'], 'pulled-in peers resolve');
    assert.deepEqual(names(r), ['a.netbird.selfhosted', 'r.netbird.selfhosted']);
    assert.deepEqual(names(b), ['b.netbird.selfhosted']);
  });

  it('a destination resource names the resource directly; a source peer resource counts for the first rule', () => {
    const s = base().policy('p', { rules: [{ sourceResource: { id: 'b', type: 'peer' }, destinationResource: { id: 'lan', type: 'subnet' } }] }).build();
    assert.deepEqual(routesOf(mapOf(s, 'b')), ['lan:r@r m100']);
    assert.deepEqual(mapOf(s, 'a').routes, []);
    assert.deepEqual(ruleText(mapOf(s, 'r')), ['lan:r all 100.64.0.2/32->10.20.0.0/24']);
  });

  it('disabled policies, rules, resources and routers give nothing; failing posture checks exclude a source', () => {
    const rule = { sources: ['devs'], destinations: ['res'] };
    const cases = [
      base().policy('p', { enabled: false, rules: [rule] }).build(),
      base().policy('p', { rules: [{ ...rule, enabled: false }] }).build(),
      accountBuilder().peer('a').peer('r').group('devs', ['a']).group('res', [])
        .networkResource('lan', { groups: ['res'], enabled: false }).networkRouter('rt', { peer: 'r' }).policy('p', { rules: [rule] }).build(),
      accountBuilder().peer('a').peer('r').group('devs', ['a']).group('res', [])
        .networkResource('lan', { groups: ['res'] }).networkRouter('rt', { peer: 'r', enabled: false }).policy('p', { rules: [rule] }).build(),
      base().postureCheck('new', { nbVersionCheck: { minVersion: '9.0.0' } }).policy('p', { sourcePostureChecks: ['new'], rules: [rule] }).build(),
    ];
    cases.forEach((s, i) => assert.deepEqual(mapOf(s, 'a').routes, [], `case ${i}`));
  });

  it('domain resources become dynamic routes with the placeholder network', () => {
    const s = accountBuilder().peer('a').peer('r').group('devs', ['a']).group('res', [])
      .networkResource('wiki', { type: 'domain', prefix: '', domain: '*.wiki.example.com', groups: ['res'] })
      .networkRouter('rt', { peer: 'r' })
      .policy('p', { rules: [{ sources: ['devs'], destinations: ['res'] }] }).build();
    assert.deepEqual(mapOf(s, 'a').routes, [{
      id: 'wiki:r', network: '192.0.2.0/32', networkType: 3, peer: 'key-r', metric: 9999, masquerade: false,
      netId: 'wiki', domains: ['*.wiki.example.com'], keepRoute: true, skipAutoApply: false,
    }]);
    const rule = mapOf(s, 'r').routesFirewallRules[0]!;
    assert.deepEqual([rule.isDynamic, rule.domains, rule.destination, rule.sourceRanges], [true, ['*.wiki.example.com'], '192.0.2.0/32', ['100.64.0.1/32']]);
  });

  it('router HA: one route per routing peer (peer groups too), each with its router metric', () => {
    const s = accountBuilder().peer('a').peer('r1').peer('r2').peer('r3').group('devs', ['a']).group('res', []).group('routers', ['r1', 'r2'])
      .networkResource('lan', { groups: ['res'] })
      .networkRouter('grp', { peerGroups: ['routers'], metric: 100 })
      .networkRouter('one', { peer: 'r3', metric: 10 })
      .policy('p', { rules: [{ sources: ['devs'], destinations: ['res'] }] }).build();
    assert.deepEqual(routesOf(mapOf(s, 'a')), ['lan:r1@r1 m100', 'lan:r2@r2 m100', 'lan:r3@r3 m10']);
    assert.deepEqual(new Set(mapOf(s, 'a').routes.map((r) => `${r.netId}|${r.network}`)).size, 1, 'one HA group');
    assert.deepEqual(idsOf(mapOf(s, 'a').remotePeers), ['r1', 'r2', 'r3']);
    assert.deepEqual(routesOf(mapOf(s, 'r2')), ['lan:r2@r2 m100'], 'a router gets only its own route');
  });

  it('masquerade comes from the router of each network', () => {
    const s = accountBuilder().peer('a').peer('r1').peer('r2').group('devs', ['a']).group('res', [])
      .networkResource('x', { networkId: 'n1', groups: ['res'], prefix: '10.1.0.0/16' })
      .networkResource('y', { networkId: 'n2', groups: ['res'], prefix: '10.2.0.0/16' })
      .networkRouter('masq', { networkId: 'n1', peer: 'r1', masquerade: true })
      .networkRouter('plain', { networkId: 'n2', peer: 'r2', masquerade: false })
      .policy('p', { rules: [{ sources: ['devs'], destinations: ['res'] }] }).build();
    assert.deepEqual(routesOf(mapOf(s, 'a')), ['x:r1@r1 m9999 masq', 'y:r2@r2 m9999']);
  });

  it('the same subnet in two networks: each network routes it through its own routers, per policy', () => {
    const s = accountBuilder().peer('a').peer('b').peer('r1').peer('r2').group('devs', ['a']).group('ops', ['b']).group('both', []).group('only1', [])
      .networkResource('lan-1', { networkId: 'n1', groups: ['both', 'only1'] })
      .networkResource('lan-2', { networkId: 'n2', groups: ['both'] })
      .networkRouter('rt1', { networkId: 'n1', peer: 'r1' })
      .networkRouter('rt2', { networkId: 'n2', peer: 'r2', metric: 50 })
      .policy('p-devs', { rules: [{ sources: ['devs'], destinations: ['both'] }] })
      .policy('p-ops', { rules: [{ sources: ['ops'], destinations: ['only1'] }] }).build();
    assert.deepEqual(routesOf(mapOf(s, 'a')), ['lan-1:r1@r1 m9999', 'lan-2:r2@r2 m50']);
    assert.deepEqual(routesOf(mapOf(s, 'b')), ['lan-1:r1@r1 m9999']);
    assert.deepEqual(idsOf(mapOf(s, 'r1').remotePeers), ['a', 'b']);
    assert.deepEqual(idsOf(mapOf(s, 'r2').remotePeers), ['a']);
    assert.deepEqual(ruleText(mapOf(s, 'r2')), ['lan-2:r2 all 100.64.0.1/32->10.20.0.0/24']);
  });

  it('resource routes come before legacy routes; pulled-in peers are not duplicated', () => {
    const s = base().allowAll().route('legacy', { peer: 'r', groups: ['all'], network: '172.16.0.0/12' })
      .policy('p', { rules: [{ sources: ['devs'], destinations: ['res'] }] }).build();
    const a = mapOf(s, 'a');
    assert.deepEqual(a.routes.map((r) => r.id), ['lan:r', 'legacy']);
    assert.deepEqual(idsOf(a.remotePeers), ['b', 'r']);
  });
});
