import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestAgent, linuxMeta } from '../harness/test-agent.js';
import { startTestServer } from '../harness/test-server.js';
import { seedAccount } from '../harness/seed.js';

test('smoke: two peers register with a setup key, Sync, and see each other', async (t) => {
  const server = await startTestServer();
  t.after(() => server.stop());
  const seed = await seedAccount(server.app);
  const key = await seed.setupKey();
  const a = new TestAgent(server.grpcTarget);
  const b = new TestAgent(server.grpcTarget);
  t.after(() => {
    a.close();
    b.close();
  });
  const la = await a.register(key.plain, linuxMeta('alpha'));
  assert.match(la.peerConfig!.address, /^100\.\d+\.\d+\.\d+\/16$/);
  assert.ok(la.netbirdConfig?.signal?.uri);
  const sa = await a.sync({ meta: linuxMeta('alpha') });
  const first = await sa.next();
  assert.ok(first.networkMap && first.networkMap.serial > 0n);
  assert.equal(first.networkMap.peerConfig?.address, la.peerConfig!.address);
  assert.ok(first.netbirdConfig);
  await b.register(key.plain, linuxMeta('bravo'));
  const pushed = await sa.nextMatching((m) => (m.networkMap?.remotePeers.length ?? 0) > 0);
  assert.equal(pushed.networkMap!.remotePeers[0]!.wgPubKey, b.publicKey);
  assert.equal(pushed.netbirdConfig, undefined);
  sa.close();
});
