/**
 * The audit log through the real gRPC server: a Login that enrols a peer records upstream's
 * `peer.setupkey.add` (initiated by the setup key); a repeated Login, SyncMeta and every Sync —
 * full map or fast path — record nothing; a Logout records the peer's deletion, initiated by the
 * peer itself. Events are read from the store (the REST listing has its own test).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { App } from '../../src/app/create-app.js';
import { startFastPathServer } from '../harness/start-fast-path-server.js';
import { syncOnce } from '../harness/sync-once.js';
import { linuxMeta } from '../harness/test-agent.js';
import { seedAccount } from '../harness/seed.js';

const META = linuxMeta('audit-host');

async function eventsOf(app: App, accountId: string) {
  return (await app.store.repos.activity.list(accountId, {})).events;
}

test('gRPC Login records the enrolment; Login again, SyncMeta and Syncs (full and fast path) record nothing; Logout records the deletion', async (t) => {
  const s = await startFastPathServer(t);
  const seed = await seedAccount(s.server.app);
  const app = s.server.app;
  const key = await seed.setupKey({ name: 'grpc-key' });
  const lastBefore = (await eventsOf(app, seed.accountId))[0]?.id ?? 0;

  const agent = s.agent();
  await agent.register(key.plain, META);
  const peer = await app.store.repos.peers.findByKey(agent.publicKey);
  assert.ok(peer);
  const enrolled = (await eventsOf(app, seed.accountId)).filter((x) => x.id > lastBefore);
  assert.equal(enrolled.length, 1);
  const e = enrolled[0]!;
  assert.equal(e.activity, 1, 'PeerAddedWithSetupKey');
  assert.equal(e.initiatorId, key.id);
  assert.equal(e.targetId, peer.id);
  assert.equal(e.meta['setup_key_name'], 'grpc-key');
  assert.equal(e.meta['fqdn'], `${peer.dnsLabel}.netbird.selfhosted`);
  assert.equal(e.meta['ip'], peer.ip);

  const count = async () => (await app.store.repos.activity.list(seed.accountId, {})).total;
  const afterLogin = await count();
  await agent.login({ meta: META });
  await agent.syncMeta(linuxMeta('audit-host', { kernelVersion: '6.1.0' }));
  const full = await syncOnce(agent, app, { meta: META });
  assert.ok(full.networkMap, 'first Sync: full map');
  const fast = await syncOnce(agent, app, { meta: META });
  assert.equal(fast.networkMap, undefined, 'second Sync: fast path (config only)');
  assert.equal(await count(), afterLogin, 'Login of a known peer, SyncMeta and Syncs record no event');

  await agent.logout();
  const [logout] = await eventsOf(app, seed.accountId);
  assert.equal(logout!.activity, 5, 'PeerRemovedByUser');
  assert.equal(logout!.initiatorId, peer.id, 'a setup-key peer logs itself out');
  assert.equal(logout!.targetId, peer.id);
  assert.equal(await count(), afterLogin + 1);
});
