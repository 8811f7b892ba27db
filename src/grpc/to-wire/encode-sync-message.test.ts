import { test } from 'node:test';
import assert from 'node:assert/strict';
import { equals, fromBinary, toBinary } from '@bufbuild/protobuf';
import { SyncResponseSchema } from '../../gen/management_pb.js';
import type { FirewallRule, NetworkMap, RemotePeer, RouteFirewallRule, SimpleRecord } from '../../netmap/network-map.js';
import { networkOnlyMap } from '../../netmap/compute-network-map.js';
import { accountBuilder } from '../../netmap/fixtures/account-builder.js';
import { NOW, mapOf } from '../../netmap/fixtures/map-view.js';
import { listCutOf } from '../../netmap/list-cut.js';
import type { ControlConfig } from '../../sync/control-config.js';
import type { SyncMessage } from '../../sync/sync-message.js';
import { encodeSyncMessage } from './encode-sync-message.js';
import { syncMessageToWire } from './sync-message-to-wire.js';
import { ELEMENT_ENCODERS, WireElementCache, type ElementEncoders } from './wire-element-cache.js';

const peer = (n: number, extra: Partial<RemotePeer> = {}): RemotePeer => ({
  wgPubKey: `key-${n}`,
  allowedIps: [`100.64.0.${n}/32`],
  sshPubKey: `ssh-ed25519 AAAA${n}`,
  fqdn: `peer-${n}.netbird.selfhosted`,
  agentVersion: '0.60.0',
  ...extra,
});

const rule = (peerIp: string, extra: Partial<FirewallRule> = {}): FirewallRule => ({
  peerIp,
  direction: 'in',
  action: 'accept',
  protocol: 'all',
  port: '',
  portRange: null,
  policyId: 'rule-1',
  ...extra,
});

const routeRule = (extra: Partial<RouteFirewallRule>): RouteFirewallRule => ({
  sourceRanges: ['100.64.0.0/10'],
  action: 'accept',
  destination: '10.0.0.0/8',
  protocol: 'tcp',
  port: null,
  portRange: null,
  isDynamic: false,
  domains: [],
  policyId: 'p1',
  routeId: 'r1',
  ...extra,
});

const CONFIG: ControlConfig = {
  stuns: [{ uri: 'stun:stun.example:3478', proto: 'udp' }],
  turns: [{ host: { uri: 'turn:turn.example:3478', proto: 'udp' }, user: 'u', password: 'p' }],
  signal: { uri: 'signal.example:443', proto: 'https' },
  relay: { urls: ['rels://relay.example:443'], tokenPayload: 'payload', tokenSignature: 'sig' },
};

const PEER_CONFIG = {
  address: '100.64.0.1/10',
  fqdn: 'self.netbird.selfhosted',
  sshEnabled: true,
  routingPeerDnsResolutionEnabled: true,
  lazyConnectionEnabled: false,
  autoUpdate: { version: 'latest', alwaysUpdate: true },
};

/** Every part of a map filled in, with the shapes the wire converter branches on. */
function fullMap(): NetworkMap {
  return {
    serial: 42,
    peerConfig: PEER_CONFIG,
    remotePeers: [peer(2), peer(3, { fqdn: 'ünïcode-😀.example', sshPubKey: 'x'.repeat(300) }), peer(4)],
    remotePeersIsEmpty: false,
    offlinePeers: [peer(9), peer(10)],
    firewallRules: [
      rule('100.64.0.2'),
      rule('100.64.0.2', { direction: 'out', protocol: 'tcp', port: '443' }),
      rule('100.64.0.3', { protocol: 'tcp', portRange: { start: 8000, end: 8100 } }),
      rule('100.64.0.3', { protocol: 'udp' }),
      rule('100.64.0.4', { protocol: 'icmp', action: 'drop', policyId: '' }),
    ],
    firewallRulesIsEmpty: false,
    routes: [
      { id: 'r1', network: '10.0.0.0/8', networkType: 1, peer: 'key-2', metric: 9999, masquerade: true, netId: 'net', domains: [], keepRoute: false, skipAutoApply: false },
      { id: 'r2', network: '', networkType: 3, peer: 'key-3', metric: 1, masquerade: false, netId: 'dom', domains: ['example.com'], keepRoute: true, skipAutoApply: true },
    ],
    routesFirewallRules: [routeRule({ port: 22 }), routeRule({ portRange: { start: 1, end: 1024 }, protocol: 'udp' }), routeRule({ protocol: 'all', isDynamic: true, domains: ['example.com'] })],
    routesFirewallRulesIsEmpty: false,
    dnsConfig: {
      serviceEnable: true,
      nameServerGroups: [{ nameServers: [{ ip: '1.1.1.1', nsType: 1, port: 53 }], primary: true, domains: ['corp'], searchDomainsEnabled: true }],
      customZones: [
        {
          domain: 'netbird.selfhosted.',
          records: [{ name: 'peer-2.netbird.selfhosted.', type: 1, class: 'IN', ttl: 300, rdata: '100.64.0.2' }],
          searchDomainDisabled: false,
          nonAuthoritative: true,
        },
      ],
      forwarderPort: 22054,
    },
    checks: [],
    sshAuthorizedUsers: {},
  };
}

/** A map big enough that the NetworkMap length needs a 3-byte varint. */
function bigMap(n: number): NetworkMap {
  const remotePeers = Array.from({ length: n }, (_, i) => peer(i + 2));
  return {
    ...fullMap(),
    remotePeers,
    firewallRules: remotePeers.flatMap((p) => [rule(p.allowedIps[0]!.slice(0, -3)), rule(p.allowedIps[0]!.slice(0, -3), { direction: 'out' })]),
    dnsConfig: {
      ...fullMap().dnsConfig,
      customZones: [
        { domain: 'netbird.selfhosted.', records: remotePeers.map((p) => ({ name: `${p.fqdn}.`, type: 1, class: 'IN', ttl: 300, rdata: p.allowedIps[0]!.slice(0, -3) })), searchDomainDisabled: false, nonAuthoritative: false },
        { domain: 'empty.zone.', records: [], searchDomainDisabled: true, nonAuthoritative: false },
      ],
    },
  };
}

const CASES: [string, SyncMessage][] = [
  ['config only (credential refresh)', { config: CONFIG, map: null, checks: null }],
  ['nothing at all', { config: null, map: null, checks: null }],
  ['config and checks, no map', { config: { ...CONFIG, signal: null, relay: null }, map: null, checks: [{ files: ['/etc/a'] }] }],
  ['network only, unknown peer', { config: null, map: networkOnlyMap(7, null, 22054), checks: null }],
  ['network only, awaiting approval, with config', { config: CONFIG, map: networkOnlyMap(0, PEER_CONFIG, 0), checks: [] }],
  ['full map, config and checks (first message)', { config: CONFIG, map: fullMap(), checks: [{ files: ['/etc/a', '/etc/b'] }, { files: [] }] }],
  ['full map push, no config', { config: null, map: fullMap(), checks: null }],
  ['remote peers only', { config: null, map: { ...networkOnlyMap(3, PEER_CONFIG, 0), remotePeers: [peer(2)], remotePeersIsEmpty: false }, checks: null }],
  ['offline peers only', { config: null, map: { ...networkOnlyMap(3, PEER_CONFIG, 0), offlinePeers: [peer(2)] }, checks: null }],
  ['firewall rules only', { config: null, map: { ...networkOnlyMap(3, PEER_CONFIG, 0), firewallRules: [rule('100.64.0.9', { protocol: 'udp', port: '53' })], firewallRulesIsEmpty: false }, checks: null }],
  ['800 peers, 1,600 rules, 800 DNS records, an empty zone', { config: CONFIG, map: bigMap(800), checks: null }],
  ['DNS off, no zones', { config: null, map: { ...fullMap(), dnsConfig: { serviceEnable: false, nameServerGroups: [], customZones: [], forwarderPort: 0 } }, checks: null }],
];

function assertSameAsReference(msg: SyncMessage, cache: WireElementCache, name: string): void {
  const bytes = encodeSyncMessage(msg, cache);
  const want = syncMessageToWire(msg);
  assert.ok(equals(SyncResponseSchema, fromBinary(SyncResponseSchema, bytes), want), name);
  // Same fields, only their order may differ.
  assert.equal(bytes.length, toBinary(SyncResponseSchema, want).length, `${name}: length`);
}

test('encodeSyncMessage bytes decode to exactly what syncMessageToWire builds', () => {
  const shared = new WireElementCache();
  for (const [name, msg] of CASES) {
    assertSameAsReference(msg, new WireElementCache(), `${name} (fresh cache)`);
    assertSameAsReference(msg, shared, `${name} (shared cache)`);
  }
  // The same element objects listed in another order than they were cached in.
  const big = CASES.find(([name]) => name.startsWith('800 peers'))![1].map!;
  const zone = big.dnsConfig.customZones[0]!;
  const reversed: NetworkMap = {
    ...big,
    remotePeers: [...big.remotePeers].reverse(),
    offlinePeers: big.remotePeers.slice(100, 110),
    firewallRules: big.firewallRules.filter((_, i) => i % 3 !== 0),
    dnsConfig: { ...big.dnsConfig, customZones: [{ ...zone, records: [...zone.records].reverse() }] },
  };
  assertSameAsReference({ config: null, map: reversed, checks: null }, shared, 'cached elements in another order');
});

test('every map of a computed account (shared objects across maps) encodes as the reference does', () => {
  const day = 86_400_000;
  const b = accountBuilder().settings({ peerLoginExpirationEnabled: true, peerLoginExpiration: 86_400 });
  for (let i = 0; i < 40; i++) b.peer(`p${i}`, { sshKey: `ssh-ed25519 AAAA${i}` });
  b.peer('expired', { userId: 'u1', loginExpirationEnabled: true, lastLogin: NOW - 2 * day });
  b.policy('web', { rules: [{ sources: ['all'], destinations: ['all'], protocol: 'tcp', ports: ['443'] }, { sources: ['all'], destinations: ['all'], protocol: 'tcp', portRanges: [{ start: 8000, end: 8100 }] }, { sources: ['all'], destinations: ['all'], protocol: 'udp' }] });
  const snapshot = b.allowAll().route('rt', { peer: 'p0', groups: ['all'] }).nameServerGroup('ns', { groups: ['all'] }).build();
  const cache = new WireElementCache();
  const seen = new Set<string>();
  for (const p of snapshot.peers) {
    const map = mapOf(snapshot, p.id);
    if (map.offlinePeers.length > 0) seen.add('offline');
    if (map.routesFirewallRules.length > 0) seen.add('route rules');
    for (const r of map.firewallRules) seen.add(r.portRange ? 'range rule' : r.port ? 'port rule' : `${r.protocol} rule`);
    assertSameAsReference({ config: null, map, checks: map.checks }, cache, p.id);
  }
  assert.deepEqual([...seen].sort(), ['all rule', 'offline', 'port rule', 'range rule', 'route rules', 'udp rule']);
});

test('maps whose peers and rules are shared lists with the receiver left out encode as the reference does', () => {
  const b = accountBuilder();
  for (let i = 0; i < 12; i++) b.peer(`p${i}`);
  const snapshot = b.allowAll().build();
  const cache = new WireElementCache();
  for (const p of snapshot.peers) {
    const map = mapOf(snapshot, p.id);
    // Read before anything materialises the lists: the encoder walks these cuts.
    assert.deepEqual([listCutOf(map, 'remotePeers').skip.length, listCutOf(map, 'firewallRules').skip.length], [1, 2], p.id);
    assertSameAsReference({ config: null, map, checks: map.checks }, cache, p.id);
    assert.equal(map.remotePeers.length, 11);
  }
});

test('the reference really carries every part the cases fill in (so equality means something)', () => {
  const w = syncMessageToWire(CASES[5]![1]);
  const m = w.networkMap!;
  assert.deepEqual(
    [w.remotePeers.length, m.remotePeers.length, m.offlinePeers.length, m.firewallRules.length, m.routes.length, m.routesFirewallRules.length, w.checks.length],
    [0, 3, 2, 5, 2, 3, 2], // no deprecated top-level remotePeers copy
  );
  assert.equal(m.firewallRules.filter((r) => r.portInfo !== undefined).length, 2);
  assert.ok(m.dnsConfig && m.dnsConfig.customZones.length === 1 && w.netbirdConfig?.relay && w.peerConfig, 'dns zone, relay and peer config present');
});

test('elements shared between maps are encoded once per cache, keyed by object identity', () => {
  const calls = { remotePeers: 0, firewallRules: 0, records: 0 };
  const counting: ElementEncoders = {
    remotePeers: (batch) => ((calls.remotePeers += batch.length), ELEMENT_ENCODERS.remotePeers(batch)),
    firewallRules: (batch) => ((calls.firewallRules += batch.length), ELEMENT_ENCODERS.firewallRules(batch)),
    records: (batch) => ((calls.records += batch.length), ELEMENT_ENCODERS.records(batch)),
  };
  const cache = new WireElementCache(counting);
  const [a, b, c] = [peer(2), peer(3), peer(4)];
  const [ra, rb] = [rule('100.64.0.2'), rule('100.64.0.3', { protocol: 'tcp', port: '22' })];
  const dnsRecord = (n: number): SimpleRecord => ({ name: `peer-${n}.netbird.selfhosted.`, type: 1, class: 'IN', ttl: 300, rdata: `100.64.0.${n}` });
  const [da, db] = [dnsRecord(2), dnsRecord(3)];
  const base = networkOnlyMap(5, PEER_CONFIG, 0);
  const zone = (records: SimpleRecord[]) => ({ ...base.dnsConfig, serviceEnable: true, customZones: [{ domain: 'netbird.selfhosted.', records, searchDomainDisabled: false, nonAuthoritative: false }] });
  const one: NetworkMap = { ...base, remotePeers: [a, b], remotePeersIsEmpty: false, offlinePeers: [c], firewallRules: [ra, rb], firewallRulesIsEmpty: false, dnsConfig: zone([da, db]) };
  const two: NetworkMap = { ...base, remotePeers: [b, c], remotePeersIsEmpty: false, offlinePeers: [a], firewallRules: [rb], firewallRulesIsEmpty: false, dnsConfig: zone([db]) };

  for (const [i, map] of [one, two, one].entries()) assertSameAsReference({ config: null, map, checks: null }, cache, `map ${i}`);
  assert.deepEqual(calls, { remotePeers: 3, firewallRules: 2, records: 2 });
  // Cached as the framed fields the encoders wrote.
  assert.deepEqual(cache.remotePeers([a]), [ELEMENT_ENCODERS.remotePeers([a])]);
  assert.deepEqual(cache.firewallRules([rb, ra]), [ELEMENT_ENCODERS.firewallRules([rb]), ELEMENT_ENCODERS.firewallRules([ra])]);
  assert.deepEqual(cache.records([db]), [ELEMENT_ENCODERS.records([db])]);

  // A new snapshot brings new objects: equal content is encoded again, not served stale.
  const renamed = { ...a, fqdn: 'renamed.netbird.selfhosted' };
  const msg: SyncMessage = { config: null, map: { ...one, remotePeers: [renamed] }, checks: null };
  assert.equal(fromBinary(SyncResponseSchema, encodeSyncMessage(msg, cache)).networkMap!.remotePeers[0]!.fqdn, 'renamed.netbird.selfhosted');
  assert.deepEqual(calls, { remotePeers: 4, firewallRules: 2, records: 2 });
});

test('the misses of one list are encoded in one batch, the hits not at all', () => {
  const batches: number[] = [];
  const cache = new WireElementCache({ ...ELEMENT_ENCODERS, remotePeers: (batch) => (batches.push(batch.length), ELEMENT_ENCODERS.remotePeers(batch)) });
  const map = bigMap(800);
  encodeSyncMessage({ config: null, map, checks: null }, cache);
  assert.deepEqual(batches, [800, 2], 'remote peers, then offline peers');
  const more = [peer(5000), ...map.remotePeers.slice(0, 10), peer(5001)];
  assertSameAsReference({ config: null, map: { ...map, remotePeers: more }, checks: null }, cache, 'mixed hits and misses');
  assert.deepEqual(batches, [800, 2, 2]);
});

test('a config-only answer is encoded once per config object (the sync layer shares one per second)', () => {
  const cache = new WireElementCache();
  const config: ControlConfig = { ...CONFIG };
  const first = encodeSyncMessage({ config, map: null, checks: null }, cache);
  assert.equal(encodeSyncMessage({ config, map: null, checks: null }, cache), first);
  const other = encodeSyncMessage({ config: { ...config, stuns: [] }, map: null, checks: null }, cache);
  assert.notEqual(other, first);
  assert.ok(other.length < first.length);
  // With checks the answer differs per peer: not taken from the per-config memo.
  const withChecks = encodeSyncMessage({ config, map: null, checks: [{ files: ['/etc/a'] }] }, cache);
  assert.ok(equals(SyncResponseSchema, fromBinary(SyncResponseSchema, withChecks), syncMessageToWire({ config, map: null, checks: [{ files: ['/etc/a'] }] })));
});
