/**
 * Changes made through the domain services (and gRPC Logout) reach open Sync streams as new
 * maps (SEMANTICS.md §5.1, PROTOCOL.md §6.1/§12.2): every push has a higher serial and no
 * netbirdConfig (checked by MapWatch on every message read).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ALL_GROUP_NAME } from '../../src/domain/model.js';
import { DEFAULT_POLICY_NAME } from '../../src/domain/accounts/default-policy.js';
import { createGroupService } from '../../src/domain/groups/group-service.js';
import { createNameServerGroupService } from '../../src/domain/nameservers/nameserver-group-service.js';
import { createPeerLifecycle } from '../../src/domain/peers/peer-service.js';
import { createPolicyService } from '../../src/domain/policies/policy-service.js';
import { createRouteService } from '../../src/domain/routes/route-service.js';
import type { NetworkMap } from '../../src/gen/management_pb.js';
import { startMesh } from '../harness/mesh.js';
import type { Seeded } from '../harness/seed.js';
import { GrpcCallError, linuxMeta, status } from '../harness/test-agent.js';

const keysOf = (m: NetworkMap): string[] => m.remotePeers.map((p) => p.wgPubKey).sort();
const has = (key: string) => (m: NetworkMap) => m.remotePeers.some((p) => p.wgPubKey === key);
const lacks = (key: string) => (m: NetworkMap) => !has(key)(m);

async function allGroupId(seed: Seeded): Promise<string> {
  const all = await seed.deps.store.repos.groups.findByName(seed.accountId, ALL_GROUP_NAME);
  assert.ok(all);
  return all.id;
}

test('a newly registered peer reaches a streaming peer in a map with a higher serial', async (t) => {
  const m = await startMesh(t);
  const a = await m.join('alpha');
  const wa = await m.stream(a.agent, 'alpha');
  const before = wa.lastSerial;
  const c = await m.join('charlie');
  const map = await wa.map(has(c.agent.publicKey));
  assert.ok(map.serial > before);
  assert.equal(map.remotePeers.find((p) => p.wgPubKey === c.agent.publicKey)?.fqdn, 'charlie.netbird.selfhosted');
});

test('deleting the default allow-all policy leaves A with no remote peers and a deny-all firewall', async (t) => {
  const m = await startMesh(t);
  const a = await m.join('alpha');
  await m.join('bravo');
  const wa = await m.stream(a.agent, 'alpha');
  const policies = createPolicyService(m.seed.deps);
  const def = (await policies.list(m.seed.accountId)).find((p) => p.name === DEFAULT_POLICY_NAME);
  assert.ok(def, 'the default policy exists');
  await policies.delete(m.seed.accountId, def.id);
  const map = await wa.map(() => true);
  assert.deepEqual(map.remotePeers, []);
  assert.equal(map.remotePeersIsEmpty, true);
  assert.deepEqual(map.firewallRules, []);
  assert.equal(map.firewallRulesIsEmpty, true);
});

for (const how of ['domain deletePeer', 'gRPC Logout'] as const) {
  test(`deleting a peer (${how}): gone from A's map; its own stream gets an empty map and ends`, async (t) => {
    const m = await startMesh(t);
    const a = await m.join('alpha');
    const c = await m.join('charlie');
    const wa = await m.stream(a.agent, 'alpha');
    const wc = await m.stream(c.agent, 'charlie');
    assert.ok(has(c.agent.publicKey)(wa.initial!.networkMap!), "C is in A's first map");
    const before = wa.lastSerial;
    if (how === 'gRPC Logout') await c.agent.logout();
    else await createPeerLifecycle(m.seed.deps).deletePeer(m.seed.accountId, c.peer.id);

    const last = await wc.map(() => true);
    assert.equal(last.remotePeersIsEmpty, true);
    assert.deepEqual(last.remotePeers, []);
    assert.equal(last.firewallRulesIsEmpty, true);
    assert.equal(last.serial, BigInt((await m.server.app.store.getAccountSerial(m.seed.accountId)) ?? -1), 'the empty map is at the current serial');
    assert.equal(await wc.stream.ended_(), status.OK);
    // Its cleanup ran before the end reached us; a deleted peer has no status to write.
    assert.deepEqual(m.warnings, []);
    assert.equal(await m.server.app.store.findPeerByKey(c.agent.publicKey), undefined);

    const map = await wa.map(lacks(c.agent.publicKey));
    assert.ok(map.serial > before);
    assert.deepEqual(map.remotePeers, []);

    // The client's reconnect and re-login are refused: it needs a new registration.
    assert.equal(await (await c.agent.sync({ meta: linuxMeta('charlie') })).ended_(), status.PERMISSION_DENIED);
    await assert.rejects(c.agent.login({ meta: linuxMeta('charlie') }), (e: unknown) => e instanceof GrpcCallError && e.code === status.PERMISSION_DENIED);
  });
}

test('a group membership change reaches the peers of the group', async (t) => {
  const m = await startMesh(t);
  const a = await m.join('alpha');
  const b = await m.join('bravo');
  const policies = createPolicyService(m.seed.deps);
  for (const p of await policies.list(m.seed.accountId)) await policies.delete(m.seed.accountId, p.id);
  const groups = createGroupService(m.seed.deps);
  const ops = await groups.create(m.seed.accountId, { name: 'ops', peers: [a.peer.id] });
  await policies.create(m.seed.accountId, {
    name: 'ops-mesh',
    enabled: true,
    rules: [{ name: 'ops to ops', enabled: true, action: 'accept', sources: [ops.id], destinations: [ops.id], bidirectional: true, protocol: 'all' }],
  });
  const wa = await m.stream(a.agent, 'alpha');
  const wb = await m.stream(b.agent, 'bravo');
  assert.deepEqual(keysOf(wa.initial!.networkMap!), []);
  assert.deepEqual(keysOf(wb.initial!.networkMap!), []);

  await groups.update(m.seed.accountId, ops.id, { name: 'ops', peers: [a.peer.id, b.peer.id] });
  const ma = await wa.map(has(b.agent.publicKey));
  const mb = await wb.map(has(a.agent.publicKey));
  assert.equal(ma.serial, mb.serial);
  assert.equal(ma.firewallRulesIsEmpty, false);

  await groups.update(m.seed.accountId, ops.id, { name: 'ops', peers: [a.peer.id] });
  const back = await wa.map(lacks(b.agent.publicKey));
  assert.equal(back.remotePeersIsEmpty, true);
});

test('a new route reaches its distribution group and its routing peer', async (t) => {
  const m = await startMesh(t);
  const a = await m.join('alpha');
  const b = await m.join('bravo');
  const wa = await m.stream(a.agent, 'alpha');
  const wb = await m.stream(b.agent, 'bravo');
  const route = await createRouteService(m.seed.deps).create(m.seed.accountId, {
    netId: 'office',
    network: '10.10.0.0/16',
    peer: b.peer.id,
    metric: 100,
    masquerade: true,
    enabled: true,
    groups: [await allGroupId(m.seed)],
  });
  const hasRoute = (x: NetworkMap) => x.routes.some((r) => r.id === route.id);
  const ma = await wa.map(hasRoute);
  const ra = ma.routes.find((r) => r.id === route.id)!;
  assert.equal(ra.network, '10.10.0.0/16');
  assert.equal(ra.peer, b.agent.publicKey);
  assert.equal(ra.netId, 'office');
  const mb = await wb.map(hasRoute);
  assert.equal(mb.routes.find((r) => r.id === route.id)!.peer, b.agent.publicKey, 'the router gets its own route');
});

test('a new nameserver group reaches the peers of its groups', async (t) => {
  const m = await startMesh(t);
  const a = await m.join('alpha');
  const wa = await m.stream(a.agent, 'alpha');
  assert.deepEqual(wa.initial!.networkMap!.dnsConfig?.nameServerGroups ?? [], []);
  await createNameServerGroupService(m.seed.deps).create(m.seed.accountId, {
    name: 'public',
    nameServers: [{ ip: '9.9.9.9', nsType: 1, port: 53 }],
    groups: [await allGroupId(m.seed)],
    primary: true,
    domains: [],
    searchDomainsEnabled: false,
    enabled: true,
  });
  const map = await wa.map((x) => (x.dnsConfig?.nameServerGroups.length ?? 0) > 0);
  const ns = map.dnsConfig!.nameServerGroups;
  assert.equal(ns.length, 1);
  assert.equal(ns[0]!.primary, true);
  assert.deepEqual(
    ns[0]!.nameServers.map((n) => [n.ip, n.nsType, n.port]),
    [['9.9.9.9', 1n, 53n]],
  );
});

test('serials strictly increase over a run of different changes on one stream', async (t) => {
  const m = await startMesh(t);
  const a = await m.join('alpha');
  const wa = await m.stream(a.agent, 'alpha');
  const b = await m.join('bravo');
  await wa.map(has(b.agent.publicKey));
  const groups = createGroupService(m.seed.deps);
  const g = await groups.create(m.seed.accountId, { name: 'tmp', peers: [] });
  await createRouteService(m.seed.deps).create(m.seed.accountId, {
    netId: 'lab',
    network: '10.20.0.0/24',
    peer: b.peer.id,
    metric: 10,
    masquerade: false,
    enabled: true,
    groups: [g.id],
  });
  await groups.update(m.seed.accountId, g.id, { name: 'tmp', peers: [a.peer.id] });
  await wa.map((x) => x.routes.some((r) => r.network === '10.20.0.0/24'));
  await createPeerLifecycle(m.seed.deps).deletePeer(m.seed.accountId, b.peer.id);
  const end = await wa.map(lacks(b.agent.publicKey));
  assert.equal(end.serial, BigInt((await m.server.app.store.getAccountSerial(m.seed.accountId)) ?? -1));
  assert.ok(wa.serials.length >= 3, `several maps seen: ${wa.serials.join(', ')}`);
});
