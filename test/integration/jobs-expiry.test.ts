/**
 * The background jobs end to end through the in-process server, on a ManualClock: an SSO peer
 * past its login expiry is disconnected and refused at its next Sync while a peer of the same
 * account receives a new map showing it offline; an ephemeral peer offline for ten minutes is
 * deleted and drops out of the other peer's map.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ManualClock } from '../../src/domain/clock.js';
import type { NetworkMap } from '../../src/gen/management_pb.js';
import { MapWatch } from '../harness/map-watch.js';
import { seedAccount, type Seeded } from '../harness/seed.js';
import { GrpcCallError, TestAgent, linuxMeta, status } from '../harness/test-agent.js';
import { startTestServer, type TestServer } from '../harness/test-server.js';
import { waitForPeerConnect } from '../harness/wait-for-peer-connect.js';
import { waitForPeerDisconnect } from '../harness/wait-for-peer-disconnect.js';

const MIN = 60_000;
const lists = (m: NetworkMap, key: string) => ({ remote: m.remotePeers.some((p) => p.wgPubKey === key), offline: m.offlinePeers.some((p) => p.wgPubKey === key) });

/** A server on a ManualClock whose jobs re-read the clock every few ms; A streams. */
async function setup(t: { after(fn: () => unknown): void }) {
  const clock = new ManualClock(Date.UTC(2026, 5, 1));
  const server: TestServer = await startTestServer({ overrides: { clock, jobNapMs: 5 } });
  const closers: (() => void)[] = [];
  t.after(async () => {
    for (const c of closers) c();
    await server.stop();
  });
  const seed: Seeded = await seedAccount(server.app);
  const agent = () => {
    const a = new TestAgent(server.grpcTarget);
    closers.push(() => a.close());
    return a;
  };
  const a = agent();
  await a.register((await seed.setupKey()).plain, linuxMeta('alpha'));
  return { clock, server, seed, agent, closers, a };
}

async function firstError(stream: { next(ms?: number): Promise<unknown> }): Promise<GrpcCallError> {
  try {
    await stream.next();
  } catch (err) {
    if (err instanceof GrpcCallError) return err;
    throw err;
  }
  throw new Error('the Sync was answered');
}

test('an SSO peer past its login expiry: stream ended, next Sync PERMISSION_DENIED, the other peer sees it offline', async (t) => {
  const { clock, server, seed, agent, closers, a } = await setup(t);
  const s = agent();
  await s.register((await seed.setupKey()).plain, linuxMeta('sso-laptop'));
  // Fixture: make S an SSO-added peer (no JWT login yet); its next Login refreshes what Sync caches.
  const stored = await server.app.store.findPeerByKey(s.publicKey);
  assert.ok(stored);
  await seed.deps.store.repos.peers.update({ ...stored, userId: seed.ownerId, loginExpirationEnabled: true, lastLogin: clock.now() });
  await s.login({ meta: linuxMeta('sso-laptop') });

  const sa = await a.sync({ meta: linuxMeta('alpha') });
  closers.unshift(() => sa.close());
  const wa = new MapWatch(sa);
  assert.deepEqual(lists((await wa.first()).networkMap!, s.publicKey), { remote: true, offline: false });
  const ss = await s.sync({ meta: linuxMeta('sso-laptop') });
  closers.unshift(() => ss.close());
  assert.ok((await ss.next()).networkMap, 'S streams before its expiry');
  await waitForPeerConnect(server.app, s.publicKey);

  const account = await server.app.store.getAccount(seed.accountId);
  assert.ok(account?.settings.peerLoginExpirationEnabled);
  const before = wa.lastSerial;
  clock.advance(account.settings.peerLoginExpiration * 1000);

  const map = await wa.map((m) => lists(m, s.publicKey).offline);
  assert.deepEqual(lists(map, s.publicKey), { remote: false, offline: true });
  assert.ok(map.serial > before, 'pushed with a new serial');
  assert.equal(await ss.ended_(), status.OK, "the expired peer's stream ends, as upstream closes its channel");
  const expired = await server.app.store.findPeerByKey(s.publicKey);
  assert.deepEqual([expired?.loginExpired, expired?.connected], [true, false]);

  const refused = await firstError(await s.sync({ meta: linuxMeta('sso-laptop') }));
  assert.deepEqual([refused.code, refused.details], [status.PERMISSION_DENIED, 'peer login has expired, please log in once more']);
});

test('an ephemeral peer offline for ten minutes is deleted and drops out of the other peer\'s map', async (t) => {
  const { clock, server, seed, agent, closers, a } = await setup(t);
  const sa = await a.sync({ meta: linuxMeta('alpha') });
  closers.unshift(() => sa.close());
  const wa = new MapWatch(sa);
  await wa.first();

  const e = agent();
  await e.register((await seed.setupKey({ ephemeral: true })).plain, linuxMeta('ci-runner'));
  await wa.map((m) => lists(m, e.publicKey).remote);
  const se = await e.sync({ meta: linuxMeta('ci-runner') });
  await se.next();
  await waitForPeerConnect(server.app, e.publicKey);
  se.close();
  const gone = await waitForPeerDisconnect(server.app, e.publicKey);
  assert.equal(gone.ephemeral, true);

  clock.advance(10 * MIN - 1);
  // Ten minutes plus the one-minute batching window after the disconnect: deleted by then.
  clock.advance(MIN + 1);
  const map = await wa.map((m) => !lists(m, e.publicKey).remote && !lists(m, e.publicKey).offline);
  assert.ok(map.serial > 0n);
  assert.equal(await server.app.store.findPeerByKey(e.publicKey), undefined);
});
