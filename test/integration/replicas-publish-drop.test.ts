/**
 * A process whose own bus connection is down while changes are made through it (issue #15):
 * its publishes are dropped and counted (never queued), and still every peer on the other
 * processes converges to the current serial — their serial comparison finds the changes — and
 * once its connection is back, changes flow on the bus again.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { connectTestRedis } from '../../src/flags/testing/probe-redis.js';
import { needsUnix } from '../harness/platform.js';
import { pollUntil } from '../harness/poll.js';
import { postgresSkipReason } from '../harness/postgres-test-store.js';
import { readMetric } from '../harness/read-metric.js';
import { createReplicaCluster, registerAgents, type ReplicaCluster } from '../harness/replica-cluster.js';
import { allAtSerial, type RoamingAgent } from '../harness/roaming-agent.js';

const pgSkip = await postgresSkipReason();
const redis = await connectTestRedis();
if (typeof redis !== 'string') redis.disconnect();
const skip = needsUnix() || pgSkip || (typeof redis === 'string' ? redis : false);
if (pgSkip) console.log(`# skipping: ${pgSkip}`);

async function rename(c: ReplicaCluster, via: number, peerId: string, name: string): Promise<void> {
  const r = await c.rest(via, 'PUT', `/api/peers/${peerId}`, { name, ssh_enabled: false, login_expiration_enabled: false, inactivity_expiration_enabled: false });
  assert.equal(r.status, 200, JSON.stringify(r.json));
}

test('publishes dropped while the publisher is off the bus are not lost: every peer converges', { skip, timeout: 120_000 }, async (t) => {
  const c = await createReplicaCluster(3, { startAll: true });
  const agents: RoamingAgent[] = [];
  t.after(async () => {
    await Promise.all(agents.map((a) => a.stop()));
    await c.close();
  });
  agents.push(...(await registerAgents(c, 9)));
  await allAtSerial(agents, await c.serial(), 'first maps');
  const peers = (await c.store.repos.peers.list(c.accountId)).map((p) => p.id);
  const publisher = c.procs[0]!;
  assert.equal((await readMetric(publisher.metricsPort, 'roost_change_bus_publishes_dropped_total')) ?? 0, 0);

  await c.busProxies[0]!.down();
  await pollUntil(async () => (await fetch(`http://127.0.0.1:${publisher.metricsPort}/ready`)).status === 503 || undefined, { timeoutMs: 10_000, what: 'the publisher to notice its bus is gone' });
  for (let i = 0; i < 3; i++) await rename(c, 0, peers[i]!, `unheard-${i}`);
  const dropped = (await readMetric(publisher.metricsPort, 'roost_change_bus_publishes_dropped_total')) ?? 0;
  assert.ok(dropped >= 3, `dropped ${dropped}`);
  // The other processes find the changes by their serials (periodic comparison), while the publisher is still off.
  await allAtSerial(agents, await c.serial(), 'converged while the publisher is off the bus', 30_000);
  assert.ok((await readMetric(c.procs[1]!.metricsPort, 'roost_change_bus_resyncs_total'))! >= 1, 'process 2 resynced');

  await c.busProxies[0]!.up();
  await pollUntil(async () => (await fetch(`http://127.0.0.1:${publisher.metricsPort}/ready`)).status === 200 || undefined, { timeoutMs: 15_000, what: 'the publisher back on the bus' });
  await rename(c, 0, peers[3]!, 'heard-again');
  await allAtSerial(agents, await c.serial(), 'after the publisher returned', 20_000);
  assert.equal(await readMetric(publisher.metricsPort, 'roost_change_bus_publishes_dropped_total'), dropped, 'nothing dropped once back');
});
