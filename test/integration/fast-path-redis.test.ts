/**
 * The fast path driven by the real switch in Redis (SEMANTICS.md §7.2: `NB_PEER_SYNC_REDIS_*`,
 * fail closed) and the peer-sync cache shared through Redis (§7.1). Skipped with the reason
 * printed when Redis is unreachable; failed instead under CI=true.
 */
import { after, describe, test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { App } from '../../src/app/create-app.js';
import { RedisCacheStore } from '../../src/cache/redis-cache-store.js';
import { TEST_REDIS_ADDRESS, connectTestRedis } from '../../src/flags/testing/probe-redis.js';
import type { SyncResponse } from '../../src/gen/management_pb.js';
import { parseRedisAddress } from '../../src/shared/redis-address.js';
import { pollUntil } from '../harness/poll.js';
import { readMetric } from '../harness/read-metric.js';
import { startFastPathServer, type FastPathServer } from '../harness/start-fast-path-server.js';
import { syncOnce } from '../harness/sync-once.js';
import { TcpProxy } from '../harness/tcp-proxy.js';
import { TestAgent, linuxMeta } from '../harness/test-agent.js';

const probe = await connectTestRedis();
const admin = typeof probe === 'string' ? undefined : probe;
const usedKeys: string[] = [];

after(async () => {
  if (admin === undefined) return;
  if (usedKeys.length > 0) await admin.del(...usedKeys);
  await admin.quit();
});

/** A switch key of its own for each test, deleted when the file ends. */
function uniqueKey(what: string): string {
  const key = `roost-test:fast-path:${what}:${randomUUID()}`;
  usedKeys.push(key);
  return key;
}

/** A port nothing listens on: bind an ephemeral port, then release it. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A server whose switch is the production routine polling `key` at `address` every 100 ms. */
function startSwitchedServer(t: TestContext, address: string, key: string): Promise<FastPathServer> {
  return startFastPathServer(t, {
    env: { NB_PEER_SYNC_REDIS_ADDRESS: address, NB_PEER_SYNC_REDIS_KEY: key, NB_PEER_SYNC_FLAG_INTERVAL: '100ms' },
    overrides: { fastPathFlag: undefined },
  });
}

const isFull = (m: SyncResponse): boolean => m.networkMap !== undefined && m.netbirdConfig !== undefined;
const isConfigOnly = (m: SyncResponse): boolean => m.networkMap === undefined && m.netbirdConfig !== undefined;

/** Reconnects (each Sync must succeed) until the first message satisfies `pred`, within a deadline. */
function reconnectUntil(agent: TestAgent, app: App, pred: (m: SyncResponse) => boolean, what: string, timeoutMs = 5_000): Promise<SyncResponse> {
  const meta = linuxMeta('linux-host');
  return pollUntil(async () => {
    const m = await syncOnce(agent, app, { meta });
    return pred(m) ? m : undefined;
  }, { timeoutMs, intervalMs: 0, what });
}

describe('fast path with the switch and the cache in Redis', { skip: typeof probe === 'string' ? probe : undefined }, () => {
  const meta = linuxMeta('linux-host');

  test('missing key → full; SET 1 → fast; SET 0 → full; SET 1, DEL → full', async (t) => {
    const key = uniqueKey('flip');
    const s = await startSwitchedServer(t, TEST_REDIS_ADDRESS, key);
    const port = s.server.ports.metrics;
    const a = await s.enrol(meta);
    for (let i = 0; i < 2; i++) assert.ok(isFull(await syncOnce(a, s.app, { meta })), `Sync #${i + 1} with the key missing`);
    assert.equal(await readMetric(port, 'roost_fast_path_enabled'), 0);

    await admin!.set(key, '1');
    await reconnectUntil(a, s.app, isConfigOnly, 'a fast-path reconnect after SET 1');
    assert.equal(await readMetric(port, 'roost_fast_path_enabled'), 1);

    await admin!.set(key, '0');
    await reconnectUntil(a, s.app, isFull, 'a full reconnect after SET 0');
    assert.ok(isFull(await syncOnce(a, s.app, { meta })), 'and it stays full');
    assert.equal(await readMetric(port, 'roost_fast_path_enabled'), 0);

    await admin!.set(key, '1');
    await reconnectUntil(a, s.app, isConfigOnly, 'a fast-path reconnect after SET 1 again');
    await admin!.del(key);
    await reconnectUntil(a, s.app, isFull, 'a full reconnect after DEL');
    assert.ok(isFull(await syncOnce(a, s.app, { meta })), 'and it stays full');
  });

  test('an unreachable switch Redis: the server runs and every Sync succeeds on the slow path', async (t) => {
    const s = await startSwitchedServer(t, `127.0.0.1:${await closedPort()}`, uniqueKey('unreachable'));
    const a = await s.enrol(meta);
    for (let i = 0; i < 3; i++) assert.ok(isFull(await syncOnce(a, s.app, { meta })), `Sync #${i + 1}`);
    assert.equal(await readMetric(s.server.ports.metrics, 'roost_fast_path_enabled'), 0);
    assert.equal(await readMetric(s.server.ports.metrics, 'roost_sync_requests_total', { path: 'slow', reason: 'flag_off' }), 3);
  });

  test('the switch Redis killed mid-run: Syncs turn full again and never fail', async (t) => {
    const key = uniqueKey('killed');
    const proxy = new TcpProxy(parseRedisAddress(TEST_REDIS_ADDRESS));
    await proxy.up();
    t.after(() => proxy.down());
    await admin!.set(key, '1');
    const s = await startSwitchedServer(t, `127.0.0.1:${proxy.port}`, key);
    const a = await s.enrol(meta);
    await reconnectUntil(a, s.app, isConfigOnly, 'a fast-path reconnect through the proxy');
    await proxy.down();
    // Reads now fail (after the 2 s read deadline at worst) and the switch fails closed.
    await reconnectUntil(a, s.app, isFull, 'a full reconnect once Redis is gone', 10_000);
    for (let i = 0; i < 2; i++) assert.ok(isFull(await syncOnce(a, s.app, { meta })), 'still full while Redis is gone');
    assert.equal(await readMetric(s.server.ports.metrics, 'roost_fast_path_enabled'), 0);
  });

  test('NB_CACHE_REDIS_ADDRESS: the peer-sync entry lives in Redis (raw key) and serves the fast path', async (t) => {
    const s = await startFastPathServer(t, { env: { NB_CACHE_REDIS_ADDRESS: TEST_REDIS_ADDRESS } });
    const a = await s.enrol(meta);
    const entryKey = `peer-sync:${a.publicKey}`; // unique: the WireGuard key is random
    usedKeys.push(entryKey);
    const first = await syncOnce(a, s.app, { meta });
    assert.ok(isFull(first));
    const stored = JSON.parse((await admin!.get(entryKey)) ?? 'null') as { serial: number } | null;
    assert.equal(stored?.serial, Number(first.networkMap!.serial));
    const ttl = await admin!.pttl(entryKey);
    assert.ok(ttl > 23 * 3600_000 && ttl <= 24 * 3600_000, `24 h TTL, got ${ttl} ms`);
    assert.ok(isConfigOnly(await syncOnce(a, s.app, { meta })), 'reconnect');
  });

  test('two servers on one data dir sharing the Redis cache: a reconnect to the other takes the fast path', async (t) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'roost-shared-'));
    t.after(() => rmSync(dataDir, { recursive: true, force: true }));
    const keyPrefix = `roost-test:shared:${randomUUID()}:`;
    const cacheFor = () => RedisCacheStore.connect(TEST_REDIS_ADDRESS, { keyPrefix });
    const s1 = await startFastPathServer(t, { dataDir, overrides: { cacheStore: await cacheFor() } });
    const s2 = await startFastPathServer(t, { dataDir, overrides: { cacheStore: await cacheFor() } });
    const a1 = await s1.enrol(meta);
    usedKeys.push(`${keyPrefix}peer-sync:${a1.publicKey}`);
    const a2 = new TestAgent(s2.server.grpcTarget, { keys: a1.keys });
    t.after(() => a2.close());
    assert.ok(isFull(await syncOnce(a1, s1.app, { meta })), 'first Sync on server 1');
    assert.ok(await admin!.exists(`${keyPrefix}peer-sync:${a1.publicKey}`), 'entry under the prefix');
    assert.ok(isConfigOnly(await syncOnce(a2, s2.app, { meta })), 'reconnect to server 2');
    // A Login on server 2 deletes the shared entry: server 1 answers in full again.
    await a2.login({ meta });
    assert.ok(isFull(await syncOnce(a1, s1.app, { meta })), 'Sync on server 1 after a Login on server 2');
  });
});
