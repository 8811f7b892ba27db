/**
 * A real TCP load balancer in front of three processes (issue #15): peers connect through
 * HAProxy, one backend is killed, they land on the others.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectTestRedis } from '../../src/flags/testing/probe-redis.js';
import { haproxyConfig, haproxySkipReason, startHaproxy } from '../harness/haproxy.js';
import { needsUnix } from '../harness/platform.js';
import { pollUntil } from '../harness/poll.js';
import { postgresSkipReason } from '../harness/postgres-test-store.js';
import { readMetric } from '../harness/read-metric.js';
import { createReplicaCluster, registerAgents } from '../harness/replica-cluster.js';
import { allAtSerial, type RoamingAgent } from '../harness/roaming-agent.js';
import { freePort } from '../harness/free-port.js';

const pgSkip = await postgresSkipReason();
const redis = await connectTestRedis();
if (typeof redis !== 'string') redis.disconnect();
const noHaproxy = haproxySkipReason();
if (noHaproxy) console.log(`# skipping: ${noHaproxy}`);
const skip = needsUnix() || pgSkip || (typeof redis === 'string' ? redis : false) || noHaproxy || false;

const PEERS = 30;

test('through HAProxy: peers spread over the backends, one killed, they land on the others', { skip, timeout: 90_000 }, async (t) => {
  const c = await createReplicaCluster(3, { startAll: true });
  const dir = mkdtempSync(join(tmpdir(), 'roost-haproxy-'));
  const lbPort = await freePort();
  const lb = startHaproxy(dir, haproxyConfig(lbPort, c.procs.map((p) => ({ grpc: p.grpcPort, metrics: p.metricsPort }))));
  let lbErr = '';
  lb.stderr!.on('data', (d: Buffer) => (lbErr += d.toString()));
  const agents: RoamingAgent[] = [];
  t.after(async () => {
    await Promise.all(agents.map((a) => a.stop()));
    lb.kill('SIGKILL');
    await c.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const streamsOn = async (i: number) => (await readMetric(c.procs[i]!.metricsPort, 'roost_sync_streams_connected')) ?? 0;

  const target = `127.0.0.1:${lbPort}`;
  await pollUntil(() => new Promise<boolean | undefined>((resolve) => net.connect(lbPort, '127.0.0.1').once('connect', function (this: net.Socket) { this.destroy(); resolve(true); }).once('error', () => resolve(undefined))), { timeoutMs: 10_000, what: `haproxy to listen: ${lbErr}` });
  agents.push(...(await registerAgents(c, PEERS, () => [target])));
  await allAtSerial(agents, await c.serial(), 'first maps through haproxy', 30_000);
  const spread = await Promise.all([0, 1, 2].map(streamsOn));
  assert.equal(spread.reduce((a, b) => a + b, 0), PEERS);
  assert.ok(spread.every((n) => n > 0), `streams spread over every backend: ${spread.join(' ')}`);

  // One backend killed: its peers come back through HAProxy to the other two.
  assert.equal(await c.procs[0]!.stop('SIGKILL'), null);
  const renamed = await c.rest(1, 'PUT', `/api/peers/${(await c.store.repos.peers.list(c.accountId))[0]!.id}`, { name: 'behind-haproxy', ssh_enabled: false, login_expiration_enabled: false, inactivity_expiration_enabled: false });
  assert.equal(renamed.status, 200);
  await allAtSerial(agents, await c.serial(), 'after a backend died', 30_000);
  await pollUntil(async () => ((await streamsOn(1)) + (await streamsOn(2)) === PEERS ? true : undefined), { timeoutMs: 15_000, what: 'every stream on the two live backends' });
});
