/**
 * Processes failing and restarting under connected peers (issue #15), at the numbers:
 * 600 peers over three processes, so `kill -9` of one ends about 200 open streams (its peers land
 * on the others, served by the fast path where eligible, nothing changed meanwhile is lost), then
 * a rolling SIGTERM restart of all three with 600 peers connected (each exits 0, every peer ends
 * connected and current, and the store says every peer is connected — no late cleanup of an old
 * process wins). After each part every peer's last received map must equal a fresh computation
 * from the store.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { equals } from '@bufbuild/protobuf';
import { DEFAULTS } from '../../src/config/config.js';
import { formatWgKey } from '../../src/crypto/wg-key.js';
import { TEST_REDIS_ADDRESS, connectTestRedis } from '../../src/flags/testing/probe-redis.js';
import { NetworkMapSchema } from '../../src/gen/management_pb.js';
import { networkMapToWire } from '../../src/grpc/to-wire/network-map-to-wire.js';
import type { SyncPathReason } from '../../src/metrics/session-metrics.js';
import { computeNetworkMap } from '../../src/netmap/compute-network-map.js';
import { needsUnix } from '../harness/platform.js';
import { pollUntil } from '../harness/poll.js';
import { postgresSkipReason } from '../harness/postgres-test-store.js';
import { sampleValue } from '../harness/read-metric.js';
import { createReplicaCluster, registerAgents, type ReplicaCluster } from '../harness/replica-cluster.js';
import { allAtSerial, type RoamingAgent } from '../harness/roaming-agent.js';

const pgSkip = await postgresSkipReason();
const redis = await connectTestRedis();
const skip = needsUnix() || pgSkip || (typeof redis === 'string' ? redis : false);
if (pgSkip) console.log(`# skipping: ${pgSkip}`);
if (skip && typeof redis !== 'string') redis.disconnect();

/** Peers connected at once: about 200 streams per process, as the issue asks of the killed one. */
const PEERS = 600;
/** How long every peer may take to be current again after a step (generous: 2 shared cores). */
const CONVERGE_MS = 180_000;
const SLOW_REASONS: readonly Exclude<SyncPathReason, 'none'>[] = ['flag_off', 'android', 'cache_miss', 'login_mismatch', 'serial_mismatch', 'meta_mismatch', 'zero_serial', 'race'];

async function rename(c: ReplicaCluster, via: number, peerId: string, name: string): Promise<void> {
  const r = await c.rest(via, 'PUT', `/api/peers/${peerId}`, { name, ssh_enabled: false, login_expiration_enabled: false, inactivity_expiration_enabled: false });
  assert.equal(r.status, 200, JSON.stringify(r.json));
}

function isLive(p: ReplicaCluster['procs'][number]): boolean {
  return p.child.exitCode === null && p.child.signalCode === null;
}

function liveTargets(c: ReplicaCluster): Set<string> {
  return new Set(c.procs.filter(isLive).map((p) => `127.0.0.1:${p.grpcPort}`));
}

/** Sync streams opened so far on each live process (by metrics port), fast and slow path. */
async function syncPaths(c: ReplicaCluster): Promise<Map<number, { fast: number; slow: number }>> {
  const out = new Map<number, { fast: number; slow: number }>();
  for (const p of c.procs.filter(isLive)) {
    const text = await (await fetch(`http://127.0.0.1:${p.metricsPort}/metrics`)).text();
    const n = (labels: Record<string, string>) => sampleValue(text, 'roost_sync_requests_total', labels) ?? 0;
    out.set(p.metricsPort, { fast: n({ path: 'fast' }), slow: SLOW_REASONS.reduce((s, reason) => s + n({ path: 'slow', reason }), 0) });
  }
  return out;
}

/** Streams opened between two `syncPaths` readings (a process started meanwhile counts from 0). */
function pathsSince(before: Map<number, { fast: number; slow: number }>, after: Map<number, { fast: number; slow: number }>): { fast: number; slow: number } {
  let fast = 0;
  let slow = 0;
  for (const [port, now] of after) {
    fast += now.fast - (before.get(port)?.fast ?? 0);
    slow += now.slow - (before.get(port)?.slow ?? 0);
  }
  return { fast, slow };
}

/** File descriptors and memory of this (the clients') process. */
function footprint(): string {
  const { rss, heapUsed } = process.memoryUsage();
  return `${readdirSync('/proc/self/fd').length} fds, ${(rss / 2 ** 20).toFixed(0)} MiB rss, ${(heapUsed / 2 ** 20).toFixed(0)} MiB heap`;
}

/**
 * Every peer's last received map equals the one computed now from the store (no change lost).
 * Yields between peers: hundreds of computations in one go would stall this process's event
 * loop for seconds (its streams, and its idle keep-alive sockets then reused after the server
 * closed them).
 */
async function assertMapsFresh(c: ReplicaCluster, agents: readonly RoamingAgent[], what: string): Promise<string> {
  const t0 = performance.now();
  const snapshot = await c.store.loadAccountSnapshot(c.accountId);
  const idOf = new Map(snapshot.peers.map((p) => [p.key, p.id]));
  const now = Date.now();
  const stale: string[] = [];
  for (const a of agents) {
    await new Promise((r) => setImmediate(r));
    const peerId = idOf.get(formatWgKey(a.keys.publicKey));
    assert.ok(peerId, 'every agent is a peer of the account');
    const fresh = networkMapToWire(computeNetworkMap({ snapshot, peerId, now, dnsDomain: DEFAULTS.dnsDomain }));
    const held = a.lastMap;
    if (held === undefined || !equals(NetworkMapSchema, held, fresh)) stale.push(`${formatWgKey(a.keys.publicKey)} at ${a.lastSerial}`);
  }
  assert.deepEqual(stale, [], `${what}: maps differing from a fresh computation at serial ${snapshot.account.network.serial}`);
  return `${agents.length} maps equal to a fresh computation at serial ${snapshot.account.network.serial} (checked in ${((performance.now() - t0) / 1000).toFixed(1)} s)`;
}

test('kill -9 with 200 open streams, then a rolling restart with 600 peers: every peer ends connected and current', { skip, timeout: 900_000 }, async (t) => {
  if (typeof redis === 'string') return;
  const t0 = performance.now();
  const since = (at: number) => `${((performance.now() - at) / 1000).toFixed(1)} s`;
  // The fast path on, its entries in the shared Redis cache, so a peer may take it on any process.
  const flagKey = `roost-test-flag-${randomBytes(4).toString('hex')}`;
  await redis.set(flagKey, '1');
  const c = await createReplicaCluster(3, {
    startAll: true,
    env: { NB_CACHE_REDIS_ADDRESS: TEST_REDIS_ADDRESS, NB_PEER_SYNC_REDIS_ADDRESS: TEST_REDIS_ADDRESS, NB_PEER_SYNC_REDIS_KEY: flagKey, NB_PEER_SYNC_FLAG_INTERVAL: '100ms' },
  });
  const agents: RoamingAgent[] = [];
  t.after(async () => {
    await Promise.all(agents.map((a) => a.stop()));
    await c.close();
    await redis.del(flagKey, ...agents.map((a) => `peer-sync:${formatWgKey(a.keys.publicKey)}`));
    redis.disconnect();
  });
  agents.push(...(await registerAgents(c, PEERS)));
  t.diagnostic(`${PEERS} peers registered after ${since(t0)}`);
  await allAtSerial(agents, await c.serial(), 'first maps', CONVERGE_MS);
  t.diagnostic(`${PEERS} streams open after ${since(t0)} (${footprint()})`);
  const peers = (await c.store.repos.peers.list(c.accountId)).map((p) => p.id);

  // kill -9 of process 2 (a third of the streams), changes made through process 1 meanwhile.
  const victim = c.procs[1]!;
  const victimTarget = `127.0.0.1:${victim.grpcPort}`;
  const onVictim = agents.filter((a) => a.connectedTo === victimTarget);
  assert.ok(onVictim.length >= PEERS / 3 - 1, `process 2 held ${onVictim.length} streams`);
  let paths = await syncPaths(c);
  const killedAt = performance.now();
  assert.equal(await victim.stop('SIGKILL'), null);
  for (let i = 0; i < 3; i++) await rename(c, 0, peers[i]!, `during-kill-${i}`);
  await allAtSerial(agents, await c.serial(), 'after kill -9', CONVERGE_MS);
  const afterKill = pathsSince(paths, await syncPaths(c));
  t.diagnostic(`${onVictim.length} peers of the killed process served elsewhere and current ${since(killedAt)} after kill -9 (streams opened: ${afterKill.fast} fast path, ${afterKill.slow} slow; ${footprint()})`);
  const live = liveTargets(c);
  assert.ok(agents.every((a) => live.has(a.connectedTo!)), 'every peer is on a live process');
  assert.ok(onVictim.every((a) => a.reconnects >= 1));
  assert.ok(afterKill.fast + afterKill.slow >= onVictim.length, 'each peer of the killed process opened a stream elsewhere');
  t.diagnostic(await assertMapsFresh(c, agents, 'after kill -9'));

  // Rolling restart, the killed one first: SIGTERM exits 0, the peers move, nothing is lost.
  for (const i of [1, 0, 2]) {
    const stepAt = performance.now();
    paths = await syncPaths(c);
    const moving = agents.filter((a) => a.connectedTo === `127.0.0.1:${c.procs[i]!.grpcPort}`).length;
    if (i !== 1) assert.equal(await c.procs[i]!.stop('SIGTERM'), 0, c.procs[i]!.stderr());
    await rename(c, (i + 1) % 3, peers[3 + i]!, `rolling-${i}`);
    await c.start(i);
    await allAtSerial(agents, await c.serial(), `after restarting process ${i + 1}`, CONVERGE_MS);
    const step = pathsSince(paths, await syncPaths(c));
    t.diagnostic(`process ${i + 1} restarted, its ${moving} peers moved, every peer current ${since(stepAt)} after the step began (streams opened: ${step.fast} fast path, ${step.slow} slow; ${footprint()})`);
  }
  await rename(c, 2, peers[7]!, 'after-rolling');
  const final = await c.serial();
  await allAtSerial(agents, final, 'at the end', CONVERGE_MS);
  assert.ok(agents.every((a) => a.refused === undefined && a.lastSerial === BigInt(final)));
  t.diagnostic(await assertMapsFresh(c, agents, 'after the rolling restart'));
  // Status across processes: no old process's late cleanup marked a moved peer disconnected.
  await pollUntil(async () => (await c.store.repos.peers.list(c.accountId)).every((p) => p.connected), { timeoutMs: 60_000, what: 'every peer marked connected in the store' });
  t.diagnostic(`whole test ${since(t0)} (${footprint()})`);
});
