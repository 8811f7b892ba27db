import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { accountBuilder } from './fixtures/account-builder.js';
import { mapOf } from './fixtures/map-view.js';

describe('route firewall rules', () => {
  it('a route without access-control groups is a default permit', () => {
    const s = accountBuilder().peer('r').route('rt', { peer: 'r', groups: ['all'], network: '10.1.0.0/16' }).build();
    const m = mapOf(s, 'r');
    assert.deepEqual(m.routesFirewallRules, [{
      sourceRanges: ['0.0.0.0/0'], action: 'accept', destination: '10.1.0.0/16', protocol: 'all', port: null,
      portRange: null, isDynamic: false, domains: [], policyId: '', routeId: 'rt',
    }]);
    assert.equal(m.routesFirewallRulesIsEmpty, false);
  });

  it('dynamic routes get an IPv6 twin; IPv6 routes use ::/0', () => {
    const s = accountBuilder().peer('r')
      .route('dyn', { peer: 'r', groups: ['all'], network: '192.0.2.0/32', networkType: 3, domains: ['example.com'] })
      .route('v6', { peer: 'r', groups: ['all'], network: '2001:db8::/32', networkType: 2 }).build();
    const rules = mapOf(s, 'r').routesFirewallRules.map((r) => `${r.routeId} ${r.sourceRanges.join(',')} ${r.isDynamic}`);
    assert.deepEqual(rules, ['dyn 0.0.0.0/0 true', 'dyn ::/0 true', 'v6 ::/0 false']);
  });

  it('access-control groups admit the policy sources that are in the distribution groups', () => {
    const s = accountBuilder()
      .peer('r').peer('c1').peer('c2').peer('outsider').peer('old', { meta: { netbirdVersion: '0.20.0' } })
      .group('web', ['r']).group('clients', ['c1', 'c2', 'outsider', 'old']).group('dist', ['c1', 'c2', 'old'])
      .postureCheck('ver', { nbVersionCheck: { minVersion: '0.30.0' } })
      .policy('p', { sourcePostureChecks: ['ver'], rules: [
        { sources: ['clients'], destinations: ['web'], protocol: 'tcp', ports: ['443', '443', 'x'] },
        { sources: ['clients'], destinations: ['web'], protocol: 'udp', portRanges: [{ start: 5000, end: 5100 }] },
      ] })
      .route('rt', { peer: 'r', groups: ['dist'], accessControlGroups: ['web'], network: '10.9.0.0/16' }).build();
    const rules = mapOf(s, 'r').routesFirewallRules;
    assert.deepEqual(rules.map((r) => [r.sourceRanges, r.protocol, r.port, r.portRange, r.policyId, r.routeId, r.destination]), [
      [['100.64.0.2/32', '100.64.0.3/32'], 'tcp', 443, null, 'p', 'rt', '10.9.0.0/16'],
      [['100.64.0.2/32', '100.64.0.3/32'], 'udp', null, { start: 5000, end: 5100 }, 'p', 'rt', '10.9.0.0/16'],
    ]);
  });

  it('non-routing peers get none, flagged empty; disabled policies give nothing', () => {
    const s = accountBuilder().peer('r').peer('c').group('web', ['r'])
      .policy('off', { enabled: false, rules: [{ sources: ['all'], destinations: ['web'] }] })
      .route('rt', { peer: 'r', groups: ['all'], accessControlGroups: ['web'] }).build();
    assert.deepEqual(mapOf(s, 'r').routesFirewallRules, []);
    assert.equal(mapOf(s, 'r').routesFirewallRulesIsEmpty, true);
    assert.equal(mapOf(s, 'c').routesFirewallRulesIsEmpty, true);
  });

  it('a rule with no admitted source still yields a rule with empty source ranges', () => {
    const s = accountBuilder().peer('r').peer('c').group('web', ['r']).group('nobody', [])
      .policy('p', { rules: [{ sources: ['nobody'], destinations: ['web'] }] })
      .route('rt', { peer: 'r', groups: ['all'], accessControlGroups: ['web'] }).build();
    assert.deepEqual(mapOf(s, 'r').routesFirewallRules.map((r) => r.sourceRanges), [[]]);
  });
});
