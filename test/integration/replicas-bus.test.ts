/**
 * Three `roost serve` processes on one PostgreSQL database and one Redis bus prefix (issue #15):
 * one server key, a change made through one process reaches the peers of all, a peer deleted
 * through one is refused by another, and a process whose bus connection drops catches up.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { connectTestRedis } from '../../src/flags/testing/probe-redis.js';
import { needsUnix } from '../harness/platform.js';
import { pollUntil } from '../harness/poll.js';
import { postgresSkipReason } from '../harness/postgres-test-store.js';
import { createReplicaCluster, registerAgents } from '../harness/replica-cluster.js';
import { RoamingAgent, allAtSerial } from '../harness/roaming-agent.js';
import { GrpcCallError, TestAgent, linuxMeta, status } from '../harness/test-agent.js';

const pgSkip = await postgresSkipReason();
const redis = await connectTestRedis();
if (typeof redis !== 'string') redis.disconnect();
const skip = needsUnix() || pgSkip || (typeof redis === 'string' ? redis : false);
if (pgSkip) console.log(`# skipping: ${pgSkip}`);

const PEERS = 9;

const allAt = allAtSerial;

test('three processes: shared key, a REST change on one reaches every peer, deletion is refused elsewhere, a bus drop is caught up', { skip }, async (t) => {
  const c = await createReplicaCluster(3, { startAll: true });
  const agents: RoamingAgent[] = [];
  t.after(async () => {
    await Promise.all(agents.map((a) => a.stop()));
    await c.close();
  });

  // One key for all: GetServerKey answers the same on every process.
  const keys = await Promise.all(c.procs.map(async (p) => {
    const a = new TestAgent(`127.0.0.1:${p.grpcPort}`);
    try {
      return (await a.getServerKey()).key;
    } finally {
      a.close();
    }
  }));
  assert.equal(new Set(keys).size, 1, `one server key, got ${keys.join(' ')}`);
  for (const p of c.procs) assert.equal((await fetch(`http://127.0.0.1:${p.metricsPort}/ready`)).status, 200);

  agents.push(...(await registerAgents(c, PEERS)));
  await allAt(agents, await c.serial(), 'first maps');
  // Peers on different processes see each other (the default policy lets all peers talk).
  await pollUntil(() => agents.every((a) => a.remotePeers === PEERS - 1), { timeoutMs: 20_000, what: 'every peer sees the others' });

  // A REST change through process 1 reaches the peers on 2 and 3 with the new serial.
  const peers = (await c.rest(0, 'GET', '/api/peers')).json as { id: string; name: string }[];
  const renamed = await c.rest(0, 'PUT', `/api/peers/${peers[0]!.id}`, { name: 'renamed-one', ssh_enabled: false, login_expiration_enabled: false, inactivity_expiration_enabled: false });
  assert.equal(renamed.status, 200);
  await allAt(agents, await c.serial(), 'after the rename');

  // Deleted through process 1: its stream (on process 2) ends, and process 2 refuses its Sync.
  const victim = agents[1]!; // home: process 2
  const victimPeer = (await c.store.findPeerByKey(new TestAgent('127.0.0.1:1', { keys: victim.keys }).publicKey))!;
  assert.equal((await c.rest(0, 'DELETE', `/api/peers/${victimPeer.id}`)).status, 200);
  await pollUntil(() => victim.refused !== undefined, { timeoutMs: 10_000, what: 'the deleted peer to be refused' });
  const direct = new TestAgent(`127.0.0.1:${c.procs[1]!.grpcPort}`, { keys: victim.keys });
  try {
    const s = await direct.sync({ meta: linuxMeta('peer-1') });
    await assert.rejects(s.next(), (e: unknown) => e instanceof GrpcCallError && e.code === status.PERMISSION_DENIED);
  } finally {
    direct.close();
  }
  const live = agents.filter((a) => a !== victim);
  await allAt(live, await c.serial(), 'after the deletion');

  // Process 3's bus connection drops while changes are made through process 1.
  console.log('# PORTS', c.procs.map((p) => p.grpcPort).join(' '), (await c.serial()));
  const lost = await c.busProxies[2]!.down().then(() => c.procs[2]!);
  await pollUntil(async () => (await fetch(`http://127.0.0.1:${lost.metricsPort}/ready`)).status === 503, { timeoutMs: 10_000, what: '/ready to answer 503 without the bus' });
  for (const [i, p] of peers.filter((p) => p.id !== victimPeer.id).slice(1, 4).entries()) {
    assert.equal((await c.rest(0, 'PUT', `/api/peers/${p.id}`, { name: `while-away-${i}`, ssh_enabled: false, login_expiration_enabled: false, inactivity_expiration_enabled: false })).status, 200);
  }
  await c.busProxies[2]!.up();
  await allAt(live, await c.serial(), 'after the bus returned');
  await pollUntil(async () => (await fetch(`http://127.0.0.1:${lost.metricsPort}/ready`)).status === 200, { timeoutMs: 10_000, what: '/ready back to 200' });
  const metrics = await (await fetch(`http://127.0.0.1:${lost.metricsPort}/metrics`)).text();
  assert.match(metrics, /roost_change_bus_resyncs_total [1-9]/, 'the gap was resynced');
  assert.match(metrics, /roost_change_bus_lag_seconds_count [1-9]/);
});
