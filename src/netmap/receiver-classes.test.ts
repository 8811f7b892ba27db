import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { AccountSnapshot } from '../domain/model.js';
import { accountBuilder } from './fixtures/account-builder.js';
import { NOW, mapOf } from './fixtures/map-view.js';

/**
 * Maps are computed once per receiver class and shared (policy-connections.ts, class-lists.ts).
 * Whatever order the peers' maps are asked in, each must equal the map computed first, alone,
 * from a snapshot nobody has computed anything from yet.
 */
const VERSIONS = ['0.30.0', '0.47.0', '0.48.0', '0.60.0'] as const;
const PROTOCOLS = ['all', 'tcp', 'udp', 'icmp', 'netbird-ssh'] as const;

interface RuleSpec {
  readonly from: number[];
  readonly to: number[];
  readonly protocol: (typeof PROTOCOLS)[number];
  readonly bidirectional: boolean;
  readonly ports: boolean;
  readonly toPeer: number | null;
}

interface AccountSpec {
  readonly peers: { version: number; group: number; ssh: boolean; extraLabel: boolean; sso: boolean }[];
  readonly rules: RuleSpec[];
  readonly expiry: boolean;
}

const GROUPS = 4;

const accountSpec = fc.record({
  peers: fc.array(fc.record({ version: fc.nat(VERSIONS.length - 1), group: fc.nat(GROUPS - 1), ssh: fc.boolean(), extraLabel: fc.boolean(), sso: fc.boolean() }), { minLength: 1, maxLength: 12 }),
  rules: fc.array(
    fc.record({
      from: fc.uniqueArray(fc.nat(GROUPS - 1), { minLength: 1, maxLength: 2 }),
      to: fc.uniqueArray(fc.nat(GROUPS - 1), { minLength: 1, maxLength: 2 }),
      protocol: fc.constantFrom(...PROTOCOLS),
      bidirectional: fc.boolean(),
      ports: fc.boolean(),
      toPeer: fc.option(fc.nat(11), { nil: null }),
    }),
    { minLength: 1, maxLength: 5 },
  ),
  expiry: fc.boolean(),
});

function build(spec: AccountSpec): AccountSnapshot {
  const b = accountBuilder().settings({ peerLoginExpirationEnabled: spec.expiry, peerLoginExpiration: 3600 });
  spec.peers.forEach((p, i) =>
    b.peer(`p${i}`, {
      sshEnabled: p.ssh,
      extraDnsLabels: p.extraLabel ? [`x${i}`] : [],
      userId: p.sso ? 'u1' : '',
      loginExpirationEnabled: p.sso,
      lastLogin: p.sso && i % 2 === 0 ? NOW - 7_200_000 : NOW,
      meta: { netbirdVersion: VERSIONS[p.version]!, flags: { serverSSHAllowed: p.ssh } } as never,
    }),
  );
  for (let g = 0; g < GROUPS; g++) b.group(`g${g}`, spec.peers.flatMap((p, i) => (p.group === g ? [`p${i}`] : [])));
  spec.rules.forEach((r, k) => {
    const toPeer = r.toPeer !== null && r.toPeer < spec.peers.length ? { id: `p${r.toPeer}`, type: 'peer' as const } : null;
    // Two policies with the same rule ID share a de-dup key: exercise the cross-rule de-dup.
    b.policy(`pol${k}`, {
      rules: [{ id: `r${k % 2}`, sources: r.from.map((g) => `g${g}`), destinations: r.to.map((g) => `g${g}`), destinationResource: toPeer, protocol: r.protocol, bidirectional: r.bidirectional, ports: r.ports && r.protocol !== 'all' && r.protocol !== 'icmp' ? ['22', '80'] : [] }],
    });
  });
  return b.build();
}

describe('receiver classes', () => {
  it('every map equals the one computed alone from a fresh snapshot, in any order', () => {
    fc.assert(
      fc.property(accountSpec, fc.boolean(), (spec, reverse) => {
        const shared = build(spec);
        const ids = spec.peers.map((_, i) => `p${i}`);
        for (const id of reverse ? [...ids].reverse() : ids) {
          assert.deepEqual(mapOf(shared, id), mapOf(build(spec), id), id);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('peers of one class share the big lists: the same arrays when nobody is left out', () => {
    const s = accountBuilder().peer('a1').peer('a2').peer('b1').peer('b2').group('ga', ['a1', 'a2']).group('gb', ['b1', 'b2'])
      .policy('p', { rules: [{ sources: ['ga'], destinations: ['gb'], bidirectional: true }] }).build();
    const [a1, a2] = [mapOf(s, 'a1'), mapOf(s, 'a2')];
    assert.equal(a1.remotePeers, a2.remotePeers);
    assert.equal(a1.firewallRules, a2.firewallRules);
    assert.notEqual(a1.dnsConfig.customZones[0]!.records, a2.dnsConfig.customZones[0]!.records, 'each zone holds its own receiver');
    // Allow-all: one class; each map leaves its own peer out of the shared entries.
    const all = accountBuilder().peer('a').peer('b').peer('c').allowAll().build();
    const [ma, mb] = [mapOf(all, 'a'), mapOf(all, 'b')];
    assert.equal(ma.remotePeers[1], mb.remotePeers[1], 'c is the same entry object in both maps');
    assert.equal(ma.dnsConfig.customZones[0]!.records, mb.dnsConfig.customZones[0]!.records, 'the zone lists everyone in both');
  });
});
