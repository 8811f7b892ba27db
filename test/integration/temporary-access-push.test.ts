/**
 * Temporary access through the real server: real gRPC Sync streams, the real HTTP admin API
 * with a PAT. Creating temporary access to alpha pushes alpha a map with a higher serial that
 * holds the temporary peer and a rule letting it in; the temporary peer then logs in with its
 * own key (no setup key: it is registered already) and its map holds alpha and nobody else;
 * beta's next map does not hold it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RuleDirection, RuleProtocol } from '../../src/gen/management_pb.js';
import { startMesh } from '../harness/mesh.js';
import { TestAgent, linuxMeta } from '../harness/test-agent.js';
import { patApi } from '../harness/pat-api.js';

test('temporary access pushes the target a map with the temporary peer, and the temporary peer sees the target only', async (t) => {
  const mesh = await startMesh(t);
  const { server, seed } = mesh;
  const api = await patApi(server, seed, 'ui');
  const join = (host: string) => mesh.joinStreaming(host);
  const alpha = await join('alpha');
  const beta = await join('beta');
  const serial = async () => BigInt((await server.app.store.getAccountSerial(seed.accountId))!);
  for (const p of await api('GET', '/policies')) await api('DELETE', `/policies/${p.id}`);
  const before = await serial();

  const browser = new TestAgent(server.grpcTarget);
  mesh.closeLater(() => browser.close());
  const created = await api('POST', `/peers/${alpha.peer.id}/temporary-access`, { name: 'browser', wg_pub_key: browser.publicKey, rules: ['tcp/22'] });
  const after = await serial();
  assert.equal(after, before + 1n);

  const alphaMap = await alpha.watch.map((m) => m.serial >= after && m.remotePeers.some((p) => p.wgPubKey === browser.publicKey));
  assert.deepEqual(alphaMap.remotePeers.map((p) => p.wgPubKey), [browser.publicKey]);
  const tempIp = (await server.app.store.findPeerByKey(browser.publicKey))!.ip;
  const inbound = alphaMap.firewallRules.filter((r) => r.peerIp === tempIp);
  assert.ok(inbound.length > 0, 'alpha lets the temporary peer in');
  assert.ok(inbound.every((r) => r.protocol === RuleProtocol.TCP && r.direction === RuleDirection.IN), 'tcp, inbound only (not bidirectional)');
  const ports = inbound.map((r) => r.portInfo?.portSelection);
  assert.ok(ports.some((p) => (p?.case === 'port' && p.value === 22) || (p?.case === 'range' && p.value.start === 22 && p.value.end === 22)), `port 22: ${JSON.stringify(ports)}`);
  const betaMap = await beta.watch.map((m) => m.serial >= after);
  assert.deepEqual(betaMap.remotePeers, [], 'beta is not reachable by the temporary peer');

  // The browser client logs in with its key alone and gets the target, nothing else.
  await browser.login({ meta: linuxMeta('browser', { goOS: 'js', OS: 'js', kernelVersion: 'wasm' }) });
  const browserMap = (await mesh.stream(browser, 'browser')).initial?.networkMap;
  assert.ok(browserMap);
  assert.deepEqual(browserMap.remotePeers.map((p) => p.wgPubKey), [alpha.peer.key]);
  assert.equal(created.id, (await server.app.store.findPeerByKey(browser.publicKey))!.id);
});
