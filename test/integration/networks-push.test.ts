/**
 * Networks end to end through the real server: real gRPC Sync streams and the real HTTP admin
 * API with a PAT, in a Terraform-style order (group, network, resource, router, policy). The
 * routing peer and the policy's source peer get maps with higher serials carrying the resource
 * route and the router-side rule; a peer that may not use the network gets no push for the
 * network's changes (its next map is the one of a later account-wide change).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { NetworkMap } from '../../src/gen/management_pb.js';
import { startMesh } from '../harness/mesh.js';
import { patApi } from '../harness/pat-api.js';

test('a Terraform-style network setup pushes maps to the router and the sources only', async (t) => {
  const mesh = await startMesh(t);
  const { server, seed } = mesh;
  const api = await patApi(server, seed, 'tf');
  const join = (host: string) => mesh.joinStreaming(host);
  const alpha = await join('alpha');
  const beta = await join('beta');
  const gamma = await join('gamma');
  const serial = async () => BigInt((await server.app.store.getAccountSerial(seed.accountId))!);

  // Without the default All→All policy, peers see each other only through the network.
  for (const p of await api('GET', '/policies')) await api('DELETE', `/policies/${p.id}`);
  const devs = await api('POST', '/groups', { name: 'devs', peers: [alpha.peer.id] });
  const dbHosts = await api('POST', '/groups', { name: 'db-hosts', peers: [] });
  const afterGroups = await serial();
  const net = await api('POST', '/networks', { name: 'office', description: 'HQ' });
  assert.equal(await serial(), afterGroups, 'a network alone changes no map');
  const resource = await api('POST', `/networks/${net.id}/resources`, { name: 'db', address: '10.77.0.0/24', enabled: true, groups: [dbHosts.id] });
  const router = await api('POST', `/networks/${net.id}/routers`, { peer: gamma.peer.id, metric: 100, masquerade: true, enabled: true });
  assert.equal(router.peer, gamma.peer.id);
  const policy = await api('POST', '/policies', {
    name: 'devs to db', enabled: true,
    rules: [{ name: 'pg', enabled: true, action: 'accept', bidirectional: false, protocol: 'tcp', ports: ['5432'], sources: [devs.id], destinations: [dbHosts.id] }],
  });
  assert.deepEqual((await api('GET', `/networks/${net.id}`)).policies, [policy.id]);
  const afterPolicy = await serial();

  const routeId = `${resource.id}:${gamma.peer.id}`;
  const routeOf = (m: NetworkMap) => m.routes.find((r) => r.id === routeId);
  const alphaMap = await alpha.watch.map((m) => m.serial >= afterPolicy && routeOf(m) !== undefined);
  const route = routeOf(alphaMap)!;
  assert.deepEqual([route.network, route.peer, route.netId, route.keepRoute, route.masquerade, route.metric], ['10.77.0.0/24', gamma.peer.key, 'db', true, true, 100n]);
  assert.deepEqual(alphaMap.remotePeers.map((p) => p.wgPubKey), [gamma.peer.key], 'only the router is pulled into the source peer\u2019s map');
  const gammaMap = await gamma.watch.map((m) => m.serial >= afterPolicy && m.routesFirewallRules.length > 0);
  assert.deepEqual(gammaMap.routesFirewallRules.map((r) => [r.sourceRanges, r.destination]), [[[`${alpha.peer.ip}/32`], '10.77.0.0/24']]);
  assert.deepEqual(routeOf(gammaMap)?.peer, gamma.peer.key);
  // The REST view agrees with the map: the router is accessible to the source, and the source to the router.
  const ids = (list: { id: string }[]) => list.map((p) => p.id);
  assert.deepEqual(ids(await api('GET', `/peers/${alpha.peer.id}/accessible-peers`)), [gamma.peer.id]);
  assert.deepEqual(ids(await api('GET', `/peers/${gamma.peer.id}/accessible-peers`)), [alpha.peer.id]);
  assert.deepEqual(ids(await api('GET', `/peers/${beta.peer.id}/accessible-peers`)), []);
  const betaMap = await beta.watch.map((m) => m.serial >= afterPolicy);
  assert.deepEqual([betaMap.routes.length, betaMap.remotePeers.length], [0, 0], 'beta is no source: no route, no peers');

  // A change of the resource alone: pushed to alpha and gamma, not to beta.
  await api('PUT', `/networks/${net.id}/resources/${resource.id}`, { name: 'db', address: '10.78.0.0/24', enabled: true, groups: [dbHosts.id] });
  const afterMove = await serial();
  assert.equal(afterMove, afterPolicy + 1n);
  assert.equal(routeOf(await alpha.watch.map((m) => m.serial === afterMove))?.network, '10.78.0.0/24');
  assert.equal((await gamma.watch.map((m) => m.serial === afterMove)).routesFirewallRules[0]?.destination, '10.78.0.0/24');
  // The next account-wide change reaches beta; nothing came in between.
  await api('POST', '/groups', { name: 'sentinel', peers: [] });
  const sentinel = await serial();
  const next = await beta.watch.stream.next();
  assert.equal(next.networkMap?.serial, sentinel, 'beta got no push for the resource change');
  assert.deepEqual(beta.watch.serials.filter((s) => s === afterMove), []);
});
