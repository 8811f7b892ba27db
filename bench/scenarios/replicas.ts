import type { VerifyMode } from '../bench-peer.js';
import { ChannelPool, type ConnectionMode } from '../channel-pool.js';
import { FastPathSwitch } from '../fast-path-switch.js';
import { PeerFleet } from '../peer-fleet.js';
import { percentile } from '../percentile.js';
import { policyUpdateBody, type ApiPolicyShape } from '../policy-update-body.js';
import { promValue } from '../prom-text.js';
import type { ServerUnderTest } from '../server-under-test.js';
import { quiesce } from './quiesce.js';
import { startReplicaServers, type ReplicaServers } from './replica-servers.js';
import { countsDelta, pathCountsOf, type SyncPathCounts } from './sync-path-counts.js';

export interface ReplicasOptions {
  readonly peers: number;
  readonly replicas: number;
  readonly concurrency: number;
  readonly registerConcurrency: number;
  readonly deadlineMs: number;
  readonly connections: ConnectionMode;
  readonly verify: VerifyMode;
  readonly redisAddress: string;
  readonly log: (line: string) => void;
}

/** One timed phase over all processes. */
export interface ReplicaPhase {
  readonly wallMs: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** CPU of every process that ran through the phase, summed. */
  readonly serverCpuSeconds: number;
  readonly generatorCpuSeconds: number;
}

export interface ReplicasResult {
  readonly peers: number;
  readonly replicas: number;
  readonly registerMs: number;
  readonly cold?: ReplicaPhase & { readonly retries: number };
  /** One policy change through process 1 until every peer, on every process, holds its serial. */
  readonly fanOut?: ReplicaPhase & { readonly changeMs: number; readonly busLagMs: readonly (number | undefined)[] };
  /** `kill -9` of the last process until each of its peers is served by another. */
  readonly failover?: ReplicaPhase & { readonly moved: number; readonly paths: SyncPathCounts };
  readonly errors: readonly string[];
  readonly errorCount: number;
  readonly caseMs: number;
}

const cpuOf = (servers: readonly ServerUnderTest[]) => servers.reduce((sum, s) => sum + s.stats().cpuSeconds, 0);
const sinceCpu = (g0: NodeJS.CpuUsage) => {
  const d = process.cpuUsage(g0);
  return (d.user + d.system) / 1e6;
};

/**
 * The replicas scenario (issue #15): N peers spread over `replicas` processes on one PostgreSQL
 * and Redis, peer i on process i mod R. Cold connect; fan-out of one REST change made through
 * process 1 (bus lag per receiving process from roost_change_bus_lag_seconds); kill -9 of the
 * last process, from the kill until its peers are all served again by the others (fast path on,
 * the peer-sync cache shared in Redis). A failed phase is recorded and the next one still runs.
 */
export async function runReplicasCase(opts: ReplicasOptions): Promise<ReplicasResult> {
  const t0 = performance.now();
  const flag = new FastPathSwitch(opts.redisAddress, `roost-bench-replicas-${process.pid}-${Date.now()}`);
  await flag.write(true);
  let cluster: ReplicaServers | undefined;
  let fleet: PeerFleet | undefined;
  const failures: string[] = [];
  const phase = async <T>(name: string, fn: () => Promise<T>): Promise<T | undefined> => {
    if (fleet) fleet.phase = name;
    try {
      return await fn();
    } catch (err) {
      failures.push(`[${name}] ${(err as Error).message}`);
      opts.log(`  ${name} FAILED: ${(err as Error).message}`);
      return undefined;
    }
  };
  try {
    cluster = await startReplicaServers({ count: opts.replicas, redisAddress: opts.redisAddress, env: flag.serverEnv() });
    const c = cluster;
    const homes = Array.from({ length: opts.peers }, (_, i) => c.servers[i % opts.replicas]!.target);
    const pool = new ChannelPool((slot) => homes[slot % homes.length]!, opts.connections);
    fleet = new PeerFleet(pool, opts.peers, opts.verify);
    const f = fleet;
    const registerMs = await f.registerAll(() => c.setupKey, opts.registerConcurrency);
    opts.log(`  registered ${opts.peers} peers over ${opts.replicas} processes in ${(registerMs / 1000).toFixed(1)} s`);
    for (const s of c.live()) await flag.set(s, true);

    const cold = await phase('cold connect', async () => {
      const c0 = cpuOf(c.live());
      const g0 = process.cpuUsage();
      const r = await f.connectAll({ concurrency: opts.concurrency, deadlineMs: opts.deadlineMs });
      return { wallMs: r.wallMs, p50Ms: percentile(r.firstMs, 50), p99Ms: percentile(r.firstMs, 99), serverCpuSeconds: cpuOf(c.live()) - c0, generatorCpuSeconds: sinceCpu(g0), retries: r.retries };
    });
    if (cold) opts.log(`  cold connect ${(cold.wallMs / 1000).toFixed(2)} s`);
    for (const s of c.live()) await quiesce(s, { quietMs: 500 });

    const fanOut = await phase('fan-out', () => fanOutPhase(c, f, opts.deadlineMs));
    if (fanOut) opts.log(`  fan-out ${(fanOut.wallMs / 1000).toFixed(2)} s, bus lag ${fanOut.busLagMs.map((l) => (l === undefined ? '-' : `${l.toFixed(1)} ms`)).join(' / ')}`);
    for (const s of c.live()) await quiesce(s, { quietMs: 500 });

    const failover = await phase('kill -9 failover', () => failoverPhase(c, f, pool, homes, opts));
    if (failover) opts.log(`  failover of ${failover.moved} peers ${(failover.wallMs / 1000).toFixed(2)} s, fast ${failover.paths.fast} slow ${failover.paths.slow}`);
    const errors = [...failures, ...f.errors];
    return { peers: opts.peers, replicas: opts.replicas, registerMs, cold, fanOut, failover, errors, errorCount: failures.length + f.errorCount, caseMs: performance.now() - t0 };
  } finally {
    fleet?.close();
    await cluster?.close();
    await flag.close();
  }
}

/** Mean bus lag (ms) of the messages a process received since `before` (undefined: none). */
function lagMs(before: string, after: string): number | undefined {
  const n = (promValue(after, 'roost_change_bus_lag_seconds_count') ?? 0) - (promValue(before, 'roost_change_bus_lag_seconds_count') ?? 0);
  const s = (promValue(after, 'roost_change_bus_lag_seconds_sum') ?? 0) - (promValue(before, 'roost_change_bus_lag_seconds_sum') ?? 0);
  return n > 0 ? (s / n) * 1000 : undefined;
}

async function fanOutPhase(c: ReplicaServers, fleet: PeerFleet, deadlineMs: number): Promise<NonNullable<ReplicasResult['fanOut']>> {
  const via = c.live()[0]!;
  const api = `http://127.0.0.1:${via.httpPort}/api`;
  const headers = { authorization: `Token ${c.token}`, 'content-type': 'application/json' };
  const [policy] = (await (await fetch(`${api}/policies`, { headers })).json()) as ApiPolicyShape[];
  if (!policy) throw new Error('the account has no policy');
  const serial = fleet.maxSerial() + 1;
  const before = await Promise.all(c.live().map((s) => s.metrics()));
  const c0 = cpuOf(c.live());
  const g0 = process.cpuUsage();
  const arrivals = fleet.waitAllSerial(serial, deadlineMs);
  const start = performance.now();
  const res = await fetch(`${api}/policies/${policy.id}`, { method: 'PUT', headers, body: JSON.stringify(policyUpdateBody(policy, `bench replicas fan-out ${new Date().toISOString()}`)) });
  const changeMs = performance.now() - start;
  if (!res.ok) throw new Error(`PUT /api/policies answered ${res.status}: ${await res.text()}`);
  const at = (await arrivals).map((t) => t - start);
  const wallMs = performance.now() - start;
  const after = await Promise.all(c.live().map((s) => s.metrics()));
  return {
    wallMs,
    p50Ms: percentile(at, 50),
    p99Ms: percentile(at, 99),
    serverCpuSeconds: cpuOf(c.live()) - c0,
    generatorCpuSeconds: sinceCpu(g0),
    changeMs,
    busLagMs: before.map((b, i) => lagMs(b, after[i]!)),
  };
}

async function failoverPhase(c: ReplicaServers, fleet: PeerFleet, pool: ChannelPool, homes: string[], opts: ReplicasOptions): Promise<NonNullable<ReplicasResult['failover']>> {
  const victimSlot = opts.replicas - 1;
  const victim = c.servers[victimSlot]!;
  const survivors = c.live().filter((s) => s !== victim);
  const moved = homes.flatMap((h, i) => (h === victim.target ? [i] : []));
  const pathsBefore = (await Promise.all(survivors.map((s) => s.metrics()))).map(pathCountsOf);
  const errorsBefore = fleet.errorCount;
  const c0 = cpuOf(survivors);
  const g0 = process.cpuUsage();
  const start = performance.now();
  await c.kill(victimSlot);
  // Its peers' streams end (UNAVAILABLE); like clients behind a load balancer they dial another process.
  const deadline = start + opts.deadlineMs;
  while (fleet.missing() < moved.length) {
    if (performance.now() > deadline) throw new Error(`${moved.length - fleet.missing()} streams of the killed process never ended`);
    await new Promise((r) => setTimeout(r, 5));
  }
  for (const [k, i] of moved.entries()) {
    homes[i] = survivors[k % survivors.length]!.target;
    pool.reconnect(i);
  }
  const r = await fleet.connectAll({ concurrency: opts.concurrency, deadlineMs: opts.deadlineMs });
  const wallMs = performance.now() - start;
  const ended = fleet.errorCount - errorsBefore;
  // The kill's stream ends are expected, not errors of the run.
  if (ended === moved.length) {
    fleet.errorCount -= ended;
    const expected = fleet.errors.filter((e) => e.startsWith('[kill -9 failover] ') && e.includes(': open stream ended: '));
    for (const e of expected) fleet.errors.splice(fleet.errors.indexOf(e), 1);
  } else fleet.recordError(`kill -9 ended ${ended} streams, ${moved.length} were on the killed process`);
  const pathsAfter = (await Promise.all(survivors.map((s) => s.metrics()))).map(pathCountsOf);
  const paths = pathsAfter.reduce<SyncPathCounts>((sum, a, i) => {
    const d = countsDelta(pathsBefore[i]!, a);
    return { fast: sum.fast + d.fast, slow: sum.slow + d.slow };
  }, { fast: 0, slow: 0 });
  const offset = wallMs - r.wallMs; // kill → reconnects started
  const firsts = r.firstMs.map((t) => t + offset);
  return { wallMs, p50Ms: percentile(firsts, 50), p99Ms: percentile(firsts, 99), serverCpuSeconds: cpuOf(survivors) - c0, generatorCpuSeconds: sinceCpu(g0), moved: moved.length, paths };
}
