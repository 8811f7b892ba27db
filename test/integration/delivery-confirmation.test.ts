/**
 * The fast path serves only maps the peer is known to hold (issue #12, item 1): a full map's
 * entry is written once the client's transport acknowledged an HTTP/2 PING sent after it. A
 * TCP proxy between client and server swallows the server's bytes (a blackholed path): the
 * streamed update is written to the socket but never arrives, the connection breaks, and the
 * client's next Sync — without Login — must get the new map, not a config-only answer. Run on
 * the in-process memory cache and on Redis. Also: a Login whose cache delete fails still voids
 * the old entry (login generation).
 */
import { after, describe, test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { FailingCacheStore } from '../../src/cache/failing-cache-store.js';
import { MemoryCacheStore } from '../../src/cache/memory-cache-store.js';
import { TEST_REDIS_ADDRESS, connectTestRedis } from '../../src/flags/testing/probe-redis.js';
import type { SyncResponse } from '../../src/gen/management_pb.js';
import { pollUntil } from '../harness/poll.js';
import { readMetric } from '../harness/read-metric.js';
import { startFastPathServer, type FastPathServer } from '../harness/start-fast-path-server.js';
import { syncOnce } from '../harness/sync-once.js';
import { TcpProxy } from '../harness/tcp-proxy.js';
import { TestAgent, linuxMeta } from '../harness/test-agent.js';
import { waitForPeerDisconnect } from '../harness/wait-for-peer-disconnect.js';

const META = linuxMeta('laptop');
const probe = await connectTestRedis();
after(async () => {
  if (typeof probe !== 'string') await probe.quit();
});

const isConfigOnly = (m: SyncResponse): boolean => m.networkMap === undefined && m.netbirdConfig !== undefined;
const serialOf = (m: SyncResponse): number => Number(m.networkMap?.serial ?? 0);

const CACHES = [
  { name: 'memory cache', skip: undefined, env: {} },
  { name: 'Redis cache', skip: typeof probe === 'string' ? probe : undefined, env: { NB_CACHE_REDIS_ADDRESS: TEST_REDIS_ADDRESS } },
] as const;

/**
 * A peer whose Sync stream runs through a proxy, with its first (full) map confirmed; then a
 * second peer registers, which moves the serial and pushes a map to the first. With `swallow`
 * the push never reaches the client. Returns what the server and client saw.
 */
async function pushThroughProxy(t: TestContext, s: FastPathServer, swallow: boolean) {
  const a = await s.enrol(META);
  const proxy = new TcpProxy({ host: '127.0.0.1', port: s.server.ports.grpc });
  await proxy.up();
  t.after(() => proxy.down());
  const viaProxy = new TestAgent(`127.0.0.1:${proxy.port}`, { keys: a.keys });
  t.after(() => viaProxy.close());
  const stream = await viaProxy.sync({ meta: META });
  const first = await stream.next();
  const s1 = serialOf(first);
  await pollUntil(async () => (await s.app.peerSyncCache.get(a.publicKey))?.serial === s1, { what: 'the first map confirmed' });

  proxy.swallow = swallow;
  const pushedBefore = (await readMetric(s.server.ports.metrics, 'roost_sync_updates_pushed_total', { kind: 'map' })) ?? 0;
  await s.enrol(linuxMeta('newcomer')); // registration: serial moves, a's map changes
  const s2 = (await s.app.store.repos.accounts.get(s.seed.accountId))!.network.serial;
  assert.ok(s2 > s1, 'the registration moved the serial');
  // The server has written the push to the connection (grpc-js took it).
  await pollUntil(async () => ((await readMetric(s.server.ports.metrics, 'roost_sync_updates_pushed_total', { kind: 'map' })) ?? 0) > pushedBefore, { what: 'the push written' });
  if (!swallow) {
    const pushed = await stream.next();
    assert.equal(serialOf(pushed), s2, 'the client got the push');
    await pollUntil(async () => (await s.app.peerSyncCache.get(a.publicKey))?.serial === s2, { what: 'the push confirmed' });
  }
  // The path breaks; the stream ends on the server without the client having read the push.
  await proxy.down();
  await waitForPeerDisconnect(s.app, a.publicKey);
  return { a, s1, s2 };
}

for (const cache of CACHES) {
  describe(`delivery-confirmed fast path (${cache.name})`, { skip: cache.skip }, () => {
    test('a push swallowed on the way: the re-Sync (no Login) is slow and carries the new serial', async (t) => {
      const s = await startFastPathServer(t, { env: cache.env });
      const { a, s2 } = await pushThroughProxy(t, s, true);
      assert.notEqual((await s.app.peerSyncCache.get(a.publicKey))?.serial, s2, 'no entry for the unread map');
      const again = await syncOnce(a, s.app, { meta: META });
      assert.ok(again.networkMap, 'a full map, not a config-only answer');
      assert.equal(serialOf(again), s2);
      assert.ok(((await readMetric(s.server.ports.metrics, 'roost_sync_map_deliveries_total', { result: 'unconfirmed' })) ?? 0) >= 1, 'counted unconfirmed');
    });

    test('control: the push arrives, the re-Sync takes the fast path', async (t) => {
      const s = await startFastPathServer(t, { env: cache.env });
      const { a } = await pushThroughProxy(t, s, false);
      assert.ok(isConfigOnly(await syncOnce(a, s.app, { meta: META })), 'config-only answer');
    });
  });
}

test('a Login whose cache delete fails still voids the entry: the next Sync is full (login_mismatch)', async (t) => {
  const cacheStore = new FailingCacheStore(new MemoryCacheStore());
  const s = await startFastPathServer(t, { overrides: { cacheStore } });
  const a = await s.enrol(META);
  const first = await syncOnce(a, s.app, { meta: META });
  assert.equal((await s.app.peerSyncCache.get(a.publicKey))?.serial, serialOf(first), 'entry recorded');
  assert.ok(isConfigOnly(await syncOnce(a, s.app, { meta: META })), 'primed: fast path');

  cacheStore.failWrites = true; // the Login's DELETE fails
  await a.login({ meta: META });
  cacheStore.failWrites = false;
  assert.equal((await s.app.peerSyncCache.get(a.publicKey))?.serial, serialOf(first), 'the old entry is still there');

  const afterLogin = await syncOnce(a, s.app, { meta: META });
  assert.ok(afterLogin.networkMap, 'full map after the Login');
  assert.equal(await readMetric(s.server.ports.metrics, 'roost_sync_requests_total', { path: 'slow', reason: 'login_mismatch' }), 1);
  assert.ok(isConfigOnly(await syncOnce(a, s.app, { meta: META })), 'the new generation primes the fast path again');
});
