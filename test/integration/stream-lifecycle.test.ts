/**
 * Sync stream lifecycle (PROTOCOL.md §6.1, SEMANTICS.md §6.3): connection status in the store,
 * replacement of an older stream of the same peer, the Android one-shot pattern, refusal of
 * unknown peers and the empty SyncRequest of pre-v0.28 clients.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MapWatch } from '../harness/map-watch.js';
import { pollUntil } from '../harness/poll.js';
import { seedAccount } from '../harness/seed.js';
import { TestAgent, linuxMeta, status } from '../harness/test-agent.js';
import { startTestServer, type TestServer } from '../harness/test-server.js';
import { waitForPeerConnect } from '../harness/wait-for-peer-connect.js';
import { waitForPeerDisconnect } from '../harness/wait-for-peer-disconnect.js';

interface Env {
  readonly server: TestServer;
  readonly setupKey: string;
  agent(): TestAgent;
}

async function env(t: { after(fn: () => unknown): void }): Promise<Env> {
  const server = await startTestServer();
  const agents: TestAgent[] = [];
  t.after(async () => {
    for (const a of agents) a.close();
    await server.stop();
  });
  const seed = await seedAccount(server.app);
  const key = await seed.setupKey();
  return {
    server,
    setupKey: key.plain,
    agent() {
      const a = new TestAgent(server.grpcTarget);
      agents.push(a);
      return a;
    },
  };
}

/** The value of an unlabelled gauge on the metrics endpoint. */
async function gauge(server: TestServer, name: string): Promise<number | undefined> {
  const text = await (await fetch(`http://127.0.0.1:${server.ports.metrics}/metrics`)).text();
  const m = new RegExp(`^${name} (\\S+)$`, 'm').exec(text);
  return m ? Number(m[1]) : undefined;
}

test('closing the client stream marks the peer disconnected in the store', async (t) => {
  const e = await env(t);
  const a = e.agent();
  await a.register(e.setupKey, linuxMeta('alpha'));
  const s = await a.sync({ meta: linuxMeta('alpha') });
  await s.next();
  const connected = await waitForPeerConnect(e.server.app, a.publicKey);
  s.close();
  const gone = await waitForPeerDisconnect(e.server.app, a.publicKey);
  assert.ok(gone.lastSeen >= connected.lastSeen, 'lastSeen moves to the disconnect time');
  await pollUntil(async () => (await gauge(e.server, 'roost_sync_streams_connected')) === 0, { what: 'no open streams' });
});

test('a second Sync replaces the first: the old one ends, the new one gets updates, the peer stays connected', async (t) => {
  const e = await env(t);
  const a = e.agent();
  await a.register(e.setupKey, linuxMeta('alpha'));
  const s1 = await a.sync({ meta: linuxMeta('alpha') });
  await s1.next();
  const first = await waitForPeerConnect(e.server.app, a.publicKey);

  const s2 = await a.sync({ meta: linuxMeta('alpha') });
  t.after(() => s2.close());
  const w2 = new MapWatch(s2);
  await w2.first();
  assert.equal(await s1.ended_(), status.OK, 'the replaced stream ends normally');
  // The old stream's cleanup ran before its end reached us: it must not have marked the peer
  // down. Status is written in batches behind the answer, so wait for the new stream's mark.
  const afterReplace = await pollUntil(
    async () => {
      const p = await e.server.app.store.findPeerByKey(a.publicKey);
      return p && p.lastSeen > first.lastSeen ? p : undefined;
    },
    { what: 'the new stream to record its own start' },
  );
  assert.equal(afterReplace.connected, true);
  await e.server.app.flushStatus();
  assert.equal((await e.server.app.store.findPeerByKey(a.publicKey))?.connected, true, 'nothing queued marks it down');

  const b = e.agent();
  await b.register(e.setupKey, linuxMeta('bravo'));
  await w2.map((m) => m.remotePeers.some((p) => p.wgPubKey === b.publicKey));
  assert.equal((await e.server.app.store.findPeerByKey(a.publicKey))?.connected, true);
  assert.equal(await gauge(e.server, 'roost_sync_streams_connected'), 1);
});

test('Android pattern: a Sync cancelled after its first message, then a new Sync at once', async (t) => {
  const e = await env(t);
  const a = e.agent();
  const android = linuxMeta('pixel', { goOS: 'android', kernel: 'Linux', OS: 'android' });
  await a.register(e.setupKey, android);
  const oneShot = await a.sync({ meta: android });
  const only = await oneShot.next();
  assert.ok(only.networkMap, 'the one-shot Sync gets a network map');
  oneShot.close();
  const main = await a.sync({ meta: android });
  t.after(() => main.close());
  const w = new MapWatch(main);
  const firstMain = await w.first();
  assert.equal(firstMain.networkMap!.peerConfig?.address, only.networkMap.peerConfig?.address);

  // Once the one-shot stream is cleaned up, only the main one is open and the peer is connected.
  await pollUntil(async () => (await gauge(e.server, 'roost_sync_streams_connected')) === 1, { what: 'one open stream' });
  await waitForPeerConnect(e.server.app, a.publicKey);
  const b = e.agent();
  await b.register(e.setupKey, linuxMeta('bravo'));
  await w.map((m) => m.remotePeers.some((p) => p.wgPubKey === b.publicKey));
  assert.equal((await e.server.app.store.findPeerByKey(a.publicKey))?.connected, true);
});

test('Sync of an unknown peer gets PERMISSION_DENIED', async (t) => {
  const e = await env(t);
  const stranger = e.agent();
  const s = await stranger.sync({ meta: linuxMeta('stranger') });
  assert.equal(await s.ended_(), status.PERMISSION_DENIED);
  assert.equal(await gauge(e.server, 'roost_sync_streams_connected'), 0);
});

test('an empty SyncRequest (clients before v0.28) gets the full first message', async (t) => {
  const e = await env(t);
  const a = e.agent();
  const b = e.agent();
  const login = await a.register(e.setupKey, linuxMeta('old-client', { netbirdVersion: '0.20.0' }));
  await b.register(e.setupKey, linuxMeta('bravo'));
  const s = await a.sync({ innerBytes: new Uint8Array() });
  t.after(() => s.close());
  const first = await s.next();
  assert.ok(first.netbirdConfig?.signal, 'full netbirdConfig');
  assert.ok(first.networkMap);
  assert.ok(first.networkMap.serial > 0n);
  assert.equal(first.networkMap.peerConfig?.address, login.peerConfig?.address);
  assert.deepEqual(
    first.networkMap.remotePeers.map((p) => p.wgPubKey),
    [b.publicKey],
  );
  // The stored meta is kept, not wiped by the empty request.
  assert.equal((await e.server.app.store.findPeerByKey(a.publicKey))?.meta.netbirdVersion, '0.20.0');
});

test('NB_MAX_CONCURRENT_SYNCS=0 refuses every Sync set-up with RESOURCE_EXHAUSTED', async (t) => {
  const server = await startTestServer({ env: { NB_MAX_CONCURRENT_SYNCS: '0' } });
  const a = new TestAgent(server.grpcTarget);
  t.after(async () => {
    a.close();
    await server.stop();
  });
  const key = await (await seedAccount(server.app)).setupKey();
  await a.register(key.plain, linuxMeta('alpha'));
  const s = await a.sync({ meta: linuxMeta('alpha') });
  assert.equal(await s.ended_(), status.RESOURCE_EXHAUSTED);
  assert.equal(await gauge(server, 'roost_sync_streams_connected'), 0);
});

test('stopping the server ends open streams and leaves their peers marked disconnected', async (t) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'roost-lifecycle-'));
  t.after(() => rmSync(dataDir, { recursive: true, force: true }));
  const first = await startTestServer({ dataDir });
  const a = new TestAgent(first.grpcTarget);
  t.after(() => a.close());
  const key = await (await seedAccount(first.app)).setupKey();
  await a.register(key.plain, linuxMeta('alpha'));
  const s = await a.sync({ meta: linuxMeta('alpha') });
  await s.next();
  await waitForPeerConnect(first.app, a.publicKey);
  await first.stop();
  assert.equal(await s.ended_(), status.UNAVAILABLE, 'a drained stream ends UNAVAILABLE: the client reconnects at once');

  const second = await startTestServer({ dataDir });
  t.after(() => second.stop());
  assert.equal((await second.app.store.findPeerByKey(a.publicKey))?.connected, false);
});
