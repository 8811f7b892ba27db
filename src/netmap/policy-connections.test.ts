import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { accountBuilder } from './fixtures/account-builder.js';
import { idsOf, mapOf, rulesOf } from './fixtures/map-view.js';
import { isRoostError } from '../domain/errors.js';
import { rulePositionsOf } from './policy-connections.js';

// Builder IPs: first peer 100.64.0.1, second .2, third .3.
const A = '100.64.0.1';
const B = '100.64.0.2';
const C = '100.64.0.3';

const threePeers = () => accountBuilder().peer('a').peer('b').peer('c').group('ga', ['a']).group('gb', ['b']).group('gc', ['c']);

describe('firewall rules from policies', () => {
  it('allow-all bidirectional: every peer sees the others, both directions', () => {
    const s = threePeers().allowAll().build();
    const m = mapOf(s, 'a');
    assert.deepEqual(idsOf(m.remotePeers), ['b', 'c']);
    assert.deepEqual(rulesOf(m), [`in all ${B} accept`, `in all ${C} accept`, `out all ${B} accept`, `out all ${C} accept`]);
    assert.equal(m.firewallRules[0]!.policyId, 'default');
    assert.equal(m.firewallRulesIsEmpty, false);
    assert.equal(m.remotePeersIsEmpty, false);
  });

  it('one-way: the source gets OUT rules, the destination IN rules, others nothing', () => {
    const s = threePeers().policy('p', { rules: [{ sources: ['ga'], destinations: ['gb'], protocol: 'tcp', ports: ['80'] }] }).build();
    assert.deepEqual(rulesOf(mapOf(s, 'a')), [`out tcp ${B}:80 accept`]);
    assert.deepEqual(rulesOf(mapOf(s, 'b')), [`in tcp ${A}:80 accept`]);
    const c = mapOf(s, 'c');
    assert.deepEqual(c.remotePeers, []);
    assert.equal(c.remotePeersIsEmpty, true);
    assert.equal(c.firewallRulesIsEmpty, true);
  });

  const portCases: [string, Parameters<ReturnType<typeof threePeers>['policy']>[1], string, string[]][] = [
    ['tcp ports: one rule per port', { rules: [{ sources: ['ga'], destinations: ['gb'], protocol: 'tcp', ports: ['80', '443'] }] }, '0.60.0',
      [`in tcp ${A}:80 accept`, `in tcp ${A}:443 accept`]],
    ['port ranges for a ≥ 0.48.0 receiver', { rules: [{ sources: ['ga'], destinations: ['gb'], protocol: 'udp', portRanges: [{ start: 8000, end: 8100 }, { start: 53, end: 53 }] }] }, '0.48.0',
      [`in udp ${A}:8000-8100 accept`, `in udp ${A}:53-53 accept`]],
    ['port ranges for an old receiver: single-port ranges only, as ports', { rules: [{ sources: ['ga'], destinations: ['gb'], protocol: 'udp', portRanges: [{ start: 8000, end: 8100 }, { start: 53, end: 53 }] }] }, '0.47.2',
      [`in udp ${A}:53 accept`]],
    ['drop rules', { rules: [{ sources: ['ga'], destinations: ['gb'], action: 'drop', protocol: 'icmp' }] }, '0.60.0',
      [`in icmp ${A} drop`]],
    ['netbird-ssh is emitted as tcp with the 22022 companion', { rules: [{ sources: ['ga'], destinations: ['gb'], protocol: 'netbird-ssh', ports: ['22'] }] }, '0.40.0',
      [`in tcp ${A}:22 accept`, `in tcp ${A}:22022 accept`]],
  ];
  for (const [name, policy, receiverVersion, expected] of portCases) {
    it(name, () => {
      const s = accountBuilder().peer('a').peer('b', { meta: { netbirdVersion: receiverVersion } }).group('ga', ['a']).group('gb', ['b']).policy('p', policy).build();
      assert.deepEqual(rulesOf(mapOf(s, 'b')), expected);
    });
  }

  it('the port-range decision uses the receiver version, not the remote one', () => {
    const s = accountBuilder().peer('a', { meta: { netbirdVersion: '0.40.0' } }).peer('b').group('ga', ['a']).group('gb', ['b'])
      .policy('p', { rules: [{ sources: ['ga'], destinations: ['gb'], protocol: 'tcp', portRanges: [{ start: 1000, end: 2000 }] }] }).build();
    assert.deepEqual(rulesOf(mapOf(s, 'b')), [`in tcp ${A}:1000-2000 accept`]);
    assert.deepEqual(rulesOf(mapOf(s, 'a')), []);
    assert.deepEqual(idsOf(mapOf(s, 'a').remotePeers), ['b'], 'the peer stays visible even without rules');
  });

  it('disabled policies and disabled rules are ignored', () => {
    const s = threePeers()
      .policy('off', { enabled: false, rules: [{ sources: ['ga'], destinations: ['gb'] }] })
      .policy('p', { rules: [{ sources: ['ga'], destinations: ['gc'], enabled: false }, { sources: ['gb'], destinations: ['gc'] }] })
      .build();
    assert.deepEqual(idsOf(mapOf(s, 'a').remotePeers), []);
    assert.deepEqual(idsOf(mapOf(s, 'c').remotePeers), ['b']);
  });

  it('a SourceResource of type peer replaces the source groups', () => {
    const s = threePeers().policy('p', { rules: [{ sources: ['ga'], sourceResource: { id: 'c', type: 'peer' }, destinations: ['gb'], protocol: 'tcp', ports: ['22'] }] }).build();
    assert.deepEqual(rulesOf(mapOf(s, 'b')), [`in tcp ${C}:22 accept`]);
    assert.deepEqual(rulesOf(mapOf(s, 'c')), [`out tcp ${B}:22 accept`]);
    assert.deepEqual(rulesOf(mapOf(s, 'a')), []);
  });

  it('a DestinationResource of type peer targets exactly that peer', () => {
    const s = threePeers().policy('p', { rules: [{ sources: ['ga'], destinations: ['gb'], destinationResource: { id: 'c', type: 'peer' } }] }).build();
    assert.deepEqual(idsOf(mapOf(s, 'a').remotePeers), ['c']);
  });

  it('rules sharing an ID and ports are de-duplicated across policies', () => {
    const rule = { id: 'same', sources: ['ga'], destinations: ['gb'], protocol: 'tcp' as const, ports: ['80'] };
    const s = threePeers().policy('p1', { rules: [rule] }).policy('p2', { rules: [rule] }).build();
    assert.deepEqual(rulesOf(mapOf(s, 'b')), [`in tcp ${A}:80 accept`]);
  });

  it('protocol all is bidirectional even when stored one-way (legacy fix-up)', () => {
    const s = threePeers().policy('p', { rules: [{ sources: ['ga'], destinations: ['gb'], protocol: 'all', bidirectional: false }] }).build();
    assert.deepEqual(rulesOf(mapOf(s, 'a')), [`in all ${B} accept`, `out all ${B} accept`]);
  });
});

describe('posture checks filter sources', () => {
  const kinds = [
    ['NBVersion', { nbVersionCheck: { minVersion: '0.55.0' } }, { netbirdVersion: '0.50.0' }],
    ['OSVersion', { osVersionCheck: { linux: { minKernelVersion: '6.0' } } }, { kernelVersion: '5.4.0-1-amd64' }],
    ['GeoLocation (no location in our model → fails)', { geoLocationCheck: { locations: [{ countryCode: 'DE', cityName: '' }], action: 'deny' as const } }, {}],
    ['PeerNetworkRange', { peerNetworkRangeCheck: { ranges: ['192.168.0.0/24'], action: 'allow' as const } }, { networkAddresses: [{ netIP: '10.0.0.5/24', mac: '' }] }],
    ['Process', { processCheck: { processes: [{ linuxPath: '/usr/bin/edr', macPath: '', windowsPath: '' }] } }, { files: [] }],
  ] as const;
  const passing = {
    netbirdVersion: '0.60.0',
    kernelVersion: '6.1.0',
    networkAddresses: [{ netIP: '192.168.0.7/24', mac: '' }],
    files: [{ path: '/usr/bin/edr', exist: true, processIsRunning: true }],
  };
  for (const [kind, check, failingMeta] of kinds) {
    it(kind, () => {
      const s = accountBuilder()
        .peer('bad', { meta: { ...passing, ...failingMeta } })
        .peer('dst')
        .peer('good', { meta: passing })
        .group('src', ['bad', 'good'])
        .group('gd', ['dst'])
        .postureCheck('chk', check)
        .policy('p', { sourcePostureChecks: ['chk'], rules: [{ sources: ['src'], destinations: ['gd'] }] })
        .build();
      const expectGood = kind.startsWith('GeoLocation') ? [] : ['good'];
      assert.deepEqual(idsOf(mapOf(s, 'dst').remotePeers), expectGood);
      assert.deepEqual(idsOf(mapOf(s, 'bad').remotePeers), [], 'a failing peer is not a source');
    });
  }

  it('destinations are not posture-filtered', () => {
    const s = accountBuilder().peer('a').peer('b', { meta: { netbirdVersion: '0.10.0' } }).group('ga', ['a']).group('gb', ['b'])
      .postureCheck('chk', { nbVersionCheck: { minVersion: '0.50.0' } })
      .policy('p', { sourcePostureChecks: ['chk'], rules: [{ sources: ['ga'], destinations: ['gb'] }] }).build();
    assert.deepEqual(idsOf(mapOf(s, 'a').remotePeers), ['b']);
  });

  it('a missing check ID is skipped when filtering, but fails the map of a peer it applies to', () => {
    const s = accountBuilder().peer('a').peer('b').group('ga', ['a']).group('gb', ['b'])
      .postureCheck('chk', { nbVersionCheck: { minVersion: '0.50.0' } })
      .policy('p', { sourcePostureChecks: ['chk', 'gone'], rules: [{ sources: ['ga'], destinations: ['gb'] }] }).build();
    assert.deepEqual(idsOf(mapOf(s, 'b').remotePeers), ['a']);
    assert.throws(() => mapOf(s, 'a'), (e) => isRoostError(e, 'Internal'));
  });
});

describe('SSH', () => {
  const base = () => accountBuilder().user('u1', { autoGroups: ['admins'] }).user('u2').user('svc', { isServiceUser: true }).user('gone', { blocked: true })
    .peer('a').peer('b').group('ga', ['a']).group('gb', ['b']);

  it('netbird-ssh enables the destination SSH server with authorised users', () => {
    const s = base().policy('p', { rules: [{ sources: ['ga'], destinations: ['gb'], protocol: 'netbird-ssh', authorizedGroups: { admins: ['root'], all: [] } }] }).build();
    const b = mapOf(s, 'b');
    assert.equal(b.peerConfig!.sshEnabled, true);
    assert.deepEqual(b.sshAuthorizedUsers, { '*': ['u1', 'u2'], root: ['u1'] });
    assert.equal(mapOf(s, 'a').peerConfig!.sshEnabled, false);
  });

  it('netbird-ssh without groups authorises the named user, else all active users', () => {
    const named = base().policy('p', { rules: [{ sources: ['ga'], destinations: ['gb'], protocol: 'netbird-ssh', authorizedUser: 'u2' }] }).build();
    assert.deepEqual(mapOf(named, 'b').sshAuthorizedUsers, { '*': ['u2'] });
    const everyone = base().policy('p', { rules: [{ sources: ['ga'], destinations: ['gb'], protocol: 'netbird-ssh' }] }).build();
    assert.deepEqual(mapOf(everyone, 'b').sshAuthorizedUsers, { '*': ['u1', 'u2'] });
  });

  it('legacy SSH: protocol all or tcp/22 enables SSH only on peers with SSH on', () => {
    const s = base().peer('c', { sshEnabled: true }).group('gc', ['c'])
      .policy('p', { rules: [{ sources: ['ga'], destinations: ['gb', 'gc'], protocol: 'tcp', ports: ['22'] }] }).build();
    assert.equal(mapOf(s, 'b').peerConfig!.sshEnabled, false);
    assert.deepEqual(mapOf(s, 'b').sshAuthorizedUsers, {});
    assert.equal(mapOf(s, 'c').peerConfig!.sshEnabled, true);
    assert.deepEqual(mapOf(s, 'c').sshAuthorizedUsers, { '*': ['u1', 'u2'] });
  });

  it('native SSH companion rule for tcp/22 on a capable receiver with the SSH server allowed', () => {
    const s = accountBuilder().peer('a').peer('b', { sshEnabled: true, meta: { flags: { serverSSHAllowed: true } } }).group('ga', ['a']).group('gb', ['b'])
      .policy('p', { rules: [{ sources: ['ga'], destinations: ['gb'], protocol: 'tcp', ports: ['22'] }] }).build();
    assert.deepEqual(rulesOf(mapOf(s, 'b')), [`in tcp ${A}:22 accept`, `in tcp ${A}:22022 accept`]);
  });
});

describe('rulePositionsOf: the class rules a receiver leaves out', () => {
  const cases: { name: string; ruleRemote: number[]; peer: number; want: number[] }[] = [
    { name: 'first remote, in both directions', ruleRemote: [0, 1, 2, 0, 1, 2], peer: 0, want: [0, 3] },
    { name: 'the last remote (its rule ends the list)', ruleRemote: [0, 1, 2, 0, 1, 2], peer: 2, want: [2, 5] },
    { name: 'consecutive rules of the receiver', ruleRemote: [0, 0, 1], peer: 0, want: [0, 1] },
    { name: 'every rule its own', ruleRemote: [3, 3], peer: 3, want: [0, 1] },
    { name: 'a peer with no rule: nothing', ruleRemote: [0, 1, 2], peer: 7, want: [] },
  ];
  for (const c of cases) it(c.name, () => assert.deepEqual(rulePositionsOf({ ruleRemote: Int32Array.from(c.ruleRemote) }, c.peer), c.want));

  it('an allow-all map leaves out exactly the receiver and its own rules', () => {
    const s = threePeers().allowAll().build();
    const b = mapOf(s, 'b');
    assert.deepEqual(idsOf(b.remotePeers), ['a', 'c']);
    assert.deepEqual(rulesOf(b), [`in all ${A} accept`, `in all ${C} accept`, `out all ${A} accept`, `out all ${C} accept`]);
  });
});
