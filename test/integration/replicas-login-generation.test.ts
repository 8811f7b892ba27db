/**
 * A Login made through a process that is off Redis (bus and cache both unreachable) moves only
 * the peer's login generation: no serial, so the other processes' serial comparison cannot find
 * it, and the cache entry it should have deleted survives. Once the process is back on the bus,
 * the others re-read their peers, so the client's next Sync on another process takes the slow
 * path (a full map) instead of a config-only answer to a client that has just logged in afresh.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { connectTestRedis, TEST_REDIS_ADDRESS } from '../../src/flags/testing/probe-redis.js';
import type { SyncResponse } from '../../src/gen/management_pb.js';
import { needsUnix } from '../harness/platform.js';
import { pollUntil } from '../harness/poll.js';
import { postgresSkipReason } from '../harness/postgres-test-store.js';
import { createReplicaCluster } from '../harness/replica-cluster.js';
import { TestAgent, linuxMeta } from '../harness/test-agent.js';

const pgSkip = await postgresSkipReason();
const redis = await connectTestRedis();
const skip = needsUnix() || pgSkip || (typeof redis === 'string' ? redis : false);
if (pgSkip) console.log(`# skipping: ${pgSkip}`);
if (typeof redis !== 'string' && skip) redis.disconnect();

test('a Login unheard by the other processes still makes the next Sync there a full map', { skip, timeout: 180_000 }, async (t) => {
  if (typeof redis === 'string') return;
  const flagKey = `roost-test-flag-${randomBytes(4).toString('hex')}`;
  await redis.set(flagKey, '1');
  const c = await createReplicaCluster(2, {
    startAll: true,
    cacheThroughBusProxy: true,
    env: { NB_PEER_SYNC_REDIS_ADDRESS: TEST_REDIS_ADDRESS, NB_PEER_SYNC_REDIS_KEY: flagKey, NB_PEER_SYNC_FLAG_INTERVAL: '100ms' },
  });
  const meta = linuxMeta('gen-host');
  const via0 = new TestAgent(`127.0.0.1:${c.procs[0]!.grpcPort}`);
  const via1 = new TestAgent(`127.0.0.1:${c.procs[1]!.grpcPort}`, { keys: via0.keys });
  const entry = `peer-sync:${via0.publicKey}`;
  t.after(async () => {
    via0.close();
    via1.close();
    await c.close();
    await redis.del(flagKey, entry);
    redis.disconnect();
  });
  await via0.register(c.setupKey, meta);
  const first = async (): Promise<SyncResponse> => {
    const s = await via1.sync({ meta });
    try {
      return await s.next();
    } finally {
      s.close();
    }
  };

  // Process 2 serves the peer a full map, records the entry once the client read it (the stream
  // stays open until then, as a real client's does), then answers fast.
  const s = await via1.sync({ meta });
  try {
    assert.ok((await s.next()).networkMap, 'the first Sync is a full map');
    await pollUntil(async () => ((await redis.exists(entry)) === 1 ? true : undefined), { timeoutMs: 10_000, what: 'the cache entry' });
  } finally {
    s.close();
  }
  await pollUntil(async () => ((await first()).networkMap === undefined ? true : undefined), { timeoutMs: 10_000, what: 'a fast-path answer on process 2' });

  // Process 1 loses Redis; the client logs in again through it (a restarted client does this).
  await c.busProxies[0]!.down();
  await pollUntil(async () => (await fetch(`http://127.0.0.1:${c.procs[0]!.metricsPort}/ready`)).status === 503 || undefined, { timeoutMs: 10_000, what: 'process 1 to notice Redis is gone' });
  const before = (await c.store.findPeerByKey(via0.publicKey))!.loginGeneration;
  await via0.login({ meta });
  assert.equal((await c.store.findPeerByKey(via0.publicKey))!.loginGeneration, before + 1, 'the Login moved the generation');
  assert.equal(await redis.exists(entry), 1, 'the entry the Login could not delete is still there');

  await c.busProxies[0]!.up();
  await pollUntil(() => (c.procs[1]!.stderr().includes('another process is back on the bus') ? true : undefined), { timeoutMs: 20_000, what: 'process 2 to hear process 1 is back' });
  assert.ok((await first()).networkMap, 'after an unheard Login the next Sync is a full map, never config-only');
});
