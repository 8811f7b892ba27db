/**
 * The edges of a process's life among replicas (issue #15): a `roost serve` whose change-bus
 * Redis is not there yet waits for it (logged, /ready 503, no gRPC) and then serves and hears
 * the others; SIGTERM meanwhile is a clean exit. A SIGTERM'd process with open streams answers
 * /ready 503 before its streams end (NB_DRAIN_GRACE) and exits 0, its peers on the others.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { connectTestRedis } from '../../src/flags/testing/probe-redis.js';
import { needsUnix } from '../harness/platform.js';
import { pollUntil } from '../harness/poll.js';
import { postgresSkipReason } from '../harness/postgres-test-store.js';
import { createReplicaCluster, registerAgents } from '../harness/replica-cluster.js';
import { allAtSerial, type RoamingAgent } from '../harness/roaming-agent.js';

const pgSkip = await postgresSkipReason();
const redis = await connectTestRedis();
if (typeof redis !== 'string') redis.disconnect();
const skip = needsUnix() || pgSkip || (typeof redis === 'string' ? redis : false);
if (pgSkip) console.log(`# skipping: ${pgSkip}`);

async function ready(metricsPort: number): Promise<{ status: number; body: string }> {
  const res = await fetch(`http://127.0.0.1:${metricsPort}/ready`);
  return { status: res.status, body: await res.text() };
}

const alive = (p: { child: { exitCode: number | null; signalCode: string | null } }) => p.child.exitCode === null && p.child.signalCode === null;

test('Redis away at start: serve waits (logged, /ready 503, no gRPC), then serves and hears the others; SIGTERM while waiting exits 0', { skip, timeout: 120_000 }, async (t) => {
  const c = await createReplicaCluster(3);
  const agents: RoamingAgent[] = [];
  t.after(async () => {
    await Promise.all(agents.map((a) => a.stop()));
    await c.close();
  });
  await c.start(0);
  // Slots 1 and 2 find their Redis (proxy) refusing connections.
  await c.busProxies[1]!.down();
  await c.busProxies[2]!.down();
  const late = await c.start(1, { untilMetrics: true });
  const quitter = await c.start(2, { untilMetrics: true });
  await pollUntil(() => (late.stderr().match(/Redis at [^ ]+ unreachable, next attempt/g)?.length ?? 0) >= 3 || undefined, { timeoutMs: 20_000, what: 'retries to be logged' });
  assert.match(late.stderr(), /waiting for Redis/);
  assert.doesNotMatch(late.stderr(), /grpc listening/, 'no gRPC before the bus answers');
  const waiting = await ready(late.metricsPort);
  assert.equal(waiting.status, 503);
  assert.match(waiting.body, /serving/);
  assert.match(waiting.body, /bus/);
  assert.ok(alive(late), 'still running');

  // SIGTERM while waiting: a clean exit.
  assert.equal(await quitter.stop('SIGTERM'), 0, quitter.stderr());

  // Redis comes: it serves, is ready, and a change made through process 1 reaches its peers.
  await c.busProxies[1]!.up();
  await pollUntil(() => /grpc listening/.test(late.stderr()) || undefined, { timeoutMs: 20_000, what: 'gRPC to listen once Redis answers' });
  await pollUntil(async () => (await ready(late.metricsPort)).status === 200 || undefined, { timeoutMs: 10_000, what: '/ready 200' });
  c.procs.splice(2, 1); // slot 2 is gone; the peers spread over 1 and 2
  agents.push(...(await registerAgents(c, 6)));
  await allAtSerial(agents, await c.serial(), 'first maps');
  const onLate = agents.filter((a) => a.connectedTo === `127.0.0.1:${late.grpcPort}`);
  assert.ok(onLate.length >= 2, `${onLate.length} peers on the late process`);
  const peer = (await c.store.repos.peers.list(c.accountId))[0]!;
  const r = await c.rest(0, 'PUT', `/api/peers/${peer.id}`, { name: 'renamed-late', ssh_enabled: false, login_expiration_enabled: false, inactivity_expiration_enabled: false });
  assert.equal(r.status, 200);
  await allAtSerial(agents, await c.serial(), 'after a change made through process 1', 20_000);
});

test('SIGTERM with open streams: /ready 503 while they are still served, then they move and the process exits 0', { skip, timeout: 120_000 }, async (t) => {
  const c = await createReplicaCluster(3, { startAll: true, env: { NB_DRAIN_GRACE: '3s' } });
  const agents: RoamingAgent[] = [];
  t.after(async () => {
    await Promise.all(agents.map((a) => a.stop()));
    await c.close();
  });
  agents.push(...(await registerAgents(c, 24)));
  await allAtSerial(agents, await c.serial(), 'first maps');
  const victim = c.procs[1]!;
  const target = `127.0.0.1:${victim.grpcPort}`;
  const onVictim = agents.filter((a) => a.connectedTo === target);
  assert.ok(onVictim.length >= 6, `process 2 held ${onVictim.length} streams`);
  assert.equal((await ready(victim.metricsPort)).status, 200);

  const exited = victim.stop('SIGTERM');
  let exitCode: number | null | undefined;
  void exited.then((code) => (exitCode = code));
  const draining = await pollUntil(async () => {
    const r = await ready(victim.metricsPort);
    return r.status === 503 ? r : undefined;
  }, { timeoutMs: 5_000, intervalMs: 20, what: '/ready to answer 503 after SIGTERM' });
  assert.equal(exitCode, undefined, '503 seen before the exit');
  assert.match(draining.body, /serving/);
  // The grace: its streams are still open while the load balancer is told.
  assert.ok(onVictim.every((a) => a.connectedTo === target), 'streams still served during the grace');

  assert.equal(await exited, 0, victim.stderr());
  await allAtSerial(agents, await c.serial(), 'peers moved to the others', 30_000);
  assert.ok(onVictim.every((a) => a.connectedTo !== target && a.reconnects >= 1));
  // The drain flushed their disconnect-then-reconnect: the store says every peer is connected.
  await pollUntil(async () => (await c.store.repos.peers.list(c.accountId)).every((p) => p.connected), { timeoutMs: 10_000, what: 'every peer marked connected' });
});
