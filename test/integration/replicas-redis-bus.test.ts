/**
 * The Redis change bus on its own (src/bus): local listeners hear a change at once, other
 * processes hear it marked `remote`, a process never hears its own message twice, other prefixes
 * hear nothing, and a dropped subscription reports its reconnect (the reconciliation's cue).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { RedisChangeBus } from '../../src/bus/index.js';
import type { AccountChange } from '../../src/domain/change-bus.js';
import { TEST_REDIS_ADDRESS, connectTestRedis } from '../../src/flags/testing/probe-redis.js';
import { parseRedisAddress } from '../../src/shared/redis-address.js';
import { pollUntil } from '../harness/poll.js';
import { TcpProxy } from '../harness/tcp-proxy.js';

const redis = await connectTestRedis();
if (typeof redis !== 'string') redis.disconnect();
const skip = typeof redis === 'string' ? redis : false;

test('Redis bus: local at once, remote marked, own never twice, prefixes apart, reconnect reported', { skip }, async (t) => {
  const prefix = `roost-test-bus-${randomBytes(4).toString('hex')}`;
  const proxy = new TcpProxy(parseRedisAddress(TEST_REDIS_ADDRESS));
  await proxy.up();
  let reconnects = 0;
  const lags: number[] = [];
  const a = await RedisChangeBus.connect({ address: TEST_REDIS_ADDRESS, prefix, now: () => Date.now() });
  const b = await RedisChangeBus.connect({ address: `127.0.0.1:${proxy.port}`, prefix, now: () => Date.now(), onLag: (s) => lags.push(s), onReconnect: () => reconnects++ });
  const other = await RedisChangeBus.connect({ address: TEST_REDIS_ADDRESS, prefix: `${prefix}-other`, now: () => Date.now() });
  t.after(async () => {
    await Promise.all([a.close(), b.close(), other.close()]);
    await proxy.down();
  });
  const heard = { a: [] as AccountChange[], b: [] as AccountChange[], other: [] as AccountChange[] };
  a.subscribe((c) => heard.a.push(c));
  b.subscribe((c) => heard.b.push(c));
  other.subscribe((c) => heard.other.push(c));

  const change: AccountChange = { accountId: 'acc', serial: 4, peers: ['p1'], deletedPeers: [{ id: 'd', key: 'dk' }], updatedPeers: [{ id: 'u', key: 'uk', loginGeneration: 2 }] };
  a.publish(change);
  assert.deepEqual(heard.a, [change], 'the publisher hears it synchronously, not marked remote');
  await pollUntil(() => heard.b.length === 1 || undefined, { timeoutMs: 5_000, what: 'b to hear the change' });
  assert.deepEqual(heard.b, [{ ...change, remote: true }]);
  assert.equal(lags.length, 1);
  // A round trip more, so a duplicate or a leak to the other prefix would have arrived.
  b.publish({ accountId: 'acc', serial: 5, peers: 'all' });
  await pollUntil(() => heard.a.length === 2 || undefined, { timeoutMs: 5_000, what: 'a to hear b' });
  assert.equal(heard.a.length, 2, 'a heard its own message once');
  assert.equal(heard.b.length, 2);
  assert.deepEqual(heard.other, []);
  assert.ok(a.connected && b.connected);
  await a.ping();

  // b's connections drop and come back: reported once b is subscribed again, and b hears again.
  await proxy.down();
  await pollUntil(() => !b.connected || undefined, { timeoutMs: 5_000, what: 'b to notice the drop' });
  await assert.rejects(b.ping());
  await proxy.up();
  await pollUntil(() => reconnects >= 1 || undefined, { timeoutMs: 10_000, what: 'the reconnect to be reported' });
  await pollUntil(async () => {
    a.publish({ accountId: 'acc', serial: 9, peers: 'all' });
    await new Promise((r) => setImmediate(r));
    return heard.b.some((c) => c.serial === 9) || undefined;
  }, { timeoutMs: 10_000, intervalMs: 100, what: 'b to hear again after the reconnect' });
});

test('Redis bus: an unreachable Redis fails the start with a clear error', { skip }, async () => {
  const proxy = new TcpProxy(parseRedisAddress(TEST_REDIS_ADDRESS));
  await proxy.up();
  const port = proxy.port;
  await proxy.down();
  await assert.rejects(RedisChangeBus.connect({ address: `127.0.0.1:${port}`, prefix: 'x', now: () => Date.now(), connectTimeoutMs: 500 }), /did not answer|ECONNREFUSED/);
});

/** A change whose message is ~10 KB: 20,000 of them queued would hold ~200 MB. */
function bulkyChange(serial: number): AccountChange {
  return { accountId: 'acc', serial, peers: Array.from({ length: 400 }, (_, i) => `peer-${String(i).padStart(20, '0')}`) };
}

test('Redis bus: publishes while Redis is away are dropped and counted, not queued; the others are asked to reconcile', { skip }, async (t) => {
  const prefix = `roost-test-bus-${randomBytes(4).toString('hex')}`;
  const proxy = new TcpProxy(parseRedisAddress(TEST_REDIS_ADDRESS));
  await proxy.up();
  let dropped = 0;
  let reconcileRequests = 0;
  const a = await RedisChangeBus.connect({ address: `127.0.0.1:${proxy.port}`, prefix, now: () => Date.now(), onDropped: () => dropped++, maxInFlight: 64 });
  const b = await RedisChangeBus.connect({ address: TEST_REDIS_ADDRESS, prefix, now: () => Date.now(), onReconcileRequest: () => reconcileRequests++ });
  t.after(async () => {
    await Promise.all([a.close(), b.close()]);
    await proxy.down();
  });
  const local: number[] = [];
  a.subscribe((c) => local.push(c.serial));
  const heardByB: number[] = [];
  b.subscribe((c) => heardByB.push(c.serial));

  // Down: every publish is delivered locally at once and dropped for the others.
  await proxy.down();
  await pollUntil(() => !a.connected || undefined, { timeoutMs: 5_000, what: 'a to notice the drop' });
  const heapBefore = process.memoryUsage().heapUsed;
  const N = 20_000;
  for (let i = 1; i <= N; i++) a.publish(bulkyChange(i));
  assert.equal(local.length, N, 'local listeners heard every change');
  assert.equal(dropped, N);
  assert.equal(a.dropped, N);
  assert.equal(a.pending, 0, 'nothing waits in flight');
  const grewMb = (process.memoryUsage().heapUsed - heapBefore) / 1e6;
  assert.ok(grewMb < 64, `heap grew ${grewMb.toFixed(1)} MB for ${N} dropped ~10 KB publishes`);

  // Back: one reconcile request reaches b (its serial comparison finds what was dropped); none of the dropped changes arrive late.
  await proxy.up();
  await pollUntil(() => reconcileRequests >= 1 || undefined, { timeoutMs: 10_000, what: 'b to be asked to reconcile' });
  assert.equal(heardByB.length, 0, "no dropped change arrives late");
  a.publish({ accountId: 'acc', serial: N + 1, peers: 'all' });
  await pollUntil(() => heardByB.includes(N + 1) || undefined, { timeoutMs: 5_000, what: 'b to hear a after the return' });
  assert.equal(reconcileRequests, 1);

  // Blackholed (connection up, no answers): at most maxInFlight wait, the rest are dropped.
  proxy.swallow = true;
  const before = a.dropped;
  for (let i = 0; i < 1_000; i++) a.publish(bulkyChange(N + 2 + i));
  assert.equal(a.pending, 64);
  assert.equal(a.dropped - before, 1_000 - 64);
  proxy.swallow = false;
});
