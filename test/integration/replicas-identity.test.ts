/**
 * Peer identities stay coherent across processes (issue #15 §3): a Login through process 1 starts
 * a new login generation, and process 2 — which had the peer's identity in memory — learns it
 * from the bus, so the fast-path entry it writes next carries the new generation (a stale copy
 * would write the old one, and the entry would then fail every other process's check).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { decodePeerSyncEntry } from '../../src/cache/peer-sync-entry.js';
import { TEST_REDIS_ADDRESS, connectTestRedis } from '../../src/flags/testing/probe-redis.js';
import { needsUnix } from '../harness/platform.js';
import { pollUntil } from '../harness/poll.js';
import { postgresSkipReason } from '../harness/postgres-test-store.js';
import { readMetric } from '../harness/read-metric.js';
import { createReplicaCluster } from '../harness/replica-cluster.js';
import { TestAgent, linuxMeta } from '../harness/test-agent.js';

const pgSkip = await postgresSkipReason();
const redis = await connectTestRedis();
const skip = needsUnix() || pgSkip || (typeof redis === 'string' ? redis : false);
if (pgSkip) console.log(`# skipping: ${pgSkip}`);

test('a Login through process 1 voids what process 2 remembered of the peer', { skip }, async (t) => {
  if (typeof redis === 'string') return;
  const flagKey = `roost-test-flag-${randomBytes(4).toString('hex')}`;
  await redis.set(flagKey, '1');
  const c = await createReplicaCluster(2, {
    startAll: true,
    env: { NB_CACHE_REDIS_ADDRESS: TEST_REDIS_ADDRESS, NB_PEER_SYNC_REDIS_ADDRESS: TEST_REDIS_ADDRESS, NB_PEER_SYNC_REDIS_KEY: flagKey, NB_PEER_SYNC_FLAG_INTERVAL: '100ms' },
  });
  const meta = linuxMeta('roamer');
  const on = [0, 1].map((i) => `127.0.0.1:${c.procs[i]!.grpcPort}`);
  const first = new TestAgent(on[1]!);
  const keys = first.keys;
  const agents = [first];
  t.after(async () => {
    for (const a of agents) a.close();
    await redis.del(flagKey, `peer-sync:${first.publicKey}`);
    redis.disconnect();
    await c.close();
  });
  const entry = async () => {
    const text = await redis.get(`peer-sync:${first.publicKey}`);
    return text === null ? undefined : decodePeerSyncEntry(text);
  };
  /** One Sync on process i: reads the first message, waits for the cache entry when it was a full map. */
  const syncOn = async (i: number) => {
    const a = new TestAgent(on[i]!, { keys });
    agents.push(a);
    const s = await a.sync({ meta });
    try {
      const m = await s.next();
      if (m.networkMap) await pollUntil(entry, { timeoutMs: 5_000, what: 'the fast-path entry' });
      return m;
    } finally {
      s.close();
    }
  };

  await first.register(c.setupKey, meta);
  // Process 2 learns the peer (identity, generation 0) and serves it the fast path once the switch is read.
  await syncOn(1);
  await pollUntil(async () => ((await syncOn(1)).networkMap === undefined ? true : undefined), { timeoutMs: 10_000, intervalMs: 0, what: 'a fast-path Sync on process 2' });
  assert.equal((await entry())?.loginGeneration ?? 0, 0);

  // A Login through process 1: generation 1, the entry is gone; process 2 hears of it.
  const heard = (await readMetric(c.procs[1]!.metricsPort, 'roost_change_bus_messages_total', { source: 'bus' })) ?? 0;
  const login = new TestAgent(on[0]!, { keys });
  agents.push(login);
  await login.login({ meta });
  assert.equal((await c.store.findPeerByKey(first.publicKey))?.loginGeneration, 1);
  await pollUntil(async () => (((await readMetric(c.procs[1]!.metricsPort, 'roost_change_bus_messages_total', { source: 'bus' })) ?? 0) > heard ? true : undefined), {
    timeoutMs: 5_000,
    what: 'process 2 to hear of the Login',
  });

  // The next Sync on process 2 is a full map (no entry) and records the generation it now knows.
  assert.ok((await syncOn(1)).networkMap, 'after a Login the first Sync is a full map');
  assert.equal((await entry())?.loginGeneration, 1, 'process 2 wrote the entry with the new login generation');
  // So process 1 serves the fast path from it.
  assert.equal((await syncOn(0)).networkMap, undefined, 'process 1 accepts the entry process 2 wrote');
});
