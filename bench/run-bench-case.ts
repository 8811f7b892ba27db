import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { VerifyMode } from './bench-peer.js';
import { ChannelPool, type ConnectionMode } from './channel-pool.js';
import { readCaseProfiles, type CaseProfiles } from './read-case-profiles.js';
import { FastPathSwitch } from './fast-path-switch.js';
import { PeerFleet } from './peer-fleet.js';
import { percentile } from './percentile.js';
import { runFanOut, type FanOutChange, type FanOutResult } from './scenarios/fan-out.js';
import { cpuSecondsSince, monotonicUs, type PhaseWindow } from './scenarios/phase-window.js';
import { quiesce } from './scenarios/quiesce.js';
import { runReconnectStorm, type StormResult } from './scenarios/reconnect-storm.js';
import { runSingleReconnects, type SingleReconnectResult } from './scenarios/single-reconnect.js';
import { runSteadyState, type SteadyStateResult } from './scenarios/steady-state.js';
import { roostInit, seedBenchAccount, type PolicyMode } from './seed-bench-account.js';
import { ServerUnderTest, type ServerLogCounts } from './server-under-test.js';

export interface CaseOptions {
  readonly mode: PolicyMode;
  readonly peers: number;
  readonly concurrency: number;
  readonly registerConcurrency: number;
  readonly singleReconnects: number;
  readonly deadlineMs: number;
  readonly connections: ConnectionMode;
  readonly newConnections: boolean;
  readonly verify: VerifyMode;
  readonly fanOutChange: FanOutChange['kind'];
  readonly redisAddress: string;
  /** Where to keep CPU profiles; undefined = no profiling. */
  readonly profileDir?: string;
  readonly log: (line: string) => void;
}

/** Memory of the measured server before and after the cold connect (slow-path garbage included). */
export interface ServerMemory {
  readonly idleRssBytes: number;
  readonly streamsRssBytes: number;
  readonly idleHeapBytes: number;
  readonly streamsHeapBytes: number;
}

export interface CaseResult {
  readonly mode: PolicyMode;
  readonly peers: number;
  readonly registerMs: number;
  /** Server CPU (utime+stime) of the registering server over the registrations. */
  readonly registerCpuSeconds: number;
  /** Cold connect of every peer (slow path, cache empty). Phases that failed are absent. */
  readonly initial?: { readonly wallMs: number; readonly p99Ms: number; readonly cpuSeconds: number; readonly generatorCpuSeconds: number; readonly retries: number; readonly retriesByCode: Readonly<Record<string, number>>; readonly window: PhaseWindow };
  /** After the cold connect on the measured server (slow-path garbage included). */
  readonly afterCold?: ServerMemory;
  /** On a fresh server whose streams all opened on the fast path (see runSteadyState). */
  readonly steady?: SteadyStateResult;
  readonly stormFast?: StormResult;
  readonly stormSlow?: StormResult;
  readonly singleFast?: SingleReconnectResult;
  readonly singleSlow?: SingleReconnectResult;
  readonly fanOut?: FanOutResult;
  readonly generatorRssBytes: number;
  /** Watched lines of the measured server's log. */
  readonly serverLog: ServerLogCounts;
  readonly caseMs: number;
  /** Stream errors (first few) and failed phases. */
  readonly errors: readonly string[];
  readonly errorCount: number;
  readonly profiles?: CaseProfiles;
}

type Measured = Omit<CaseResult, 'mode' | 'peers' | 'registerMs' | 'registerCpuSeconds' | 'steady' | 'generatorRssBytes' | 'serverLog' | 'caseMs' | 'errors' | 'errorCount' | 'profiles'>;

/**
 * One policy mode × peer count, on a fresh data dir:
 * init + seed → server A: register N peers → restart (clean idle RSS) → server B: connect all,
 * steady state, storm fast, single fast, switch off, storm slow, single slow, switch on,
 * fan-out → stop (profile written). A failed phase is recorded and the next one still runs.
 */
export async function runBenchCase(opts: CaseOptions): Promise<CaseResult> {
  const t0 = performance.now();
  const dataDir = mkdtempSync(join(tmpdir(), `roost-bench-${opts.mode}-${opts.peers}-`));
  const flag = new FastPathSwitch(opts.redisAddress, `roost-bench-${process.pid}-${opts.mode}-${opts.peers}-${Date.now()}`);
  const servers: ServerUnderTest[] = [];
  let fleet: PeerFleet | undefined;
  try {
    const token = await roostInit(dataDir);
    const seeded = await seedBenchAccount(dataDir, opts.mode);
    await flag.write(true);
    const env = { ...flag.serverEnv() };
    const keyFor = (i: number) => seeded.setupKeys[i % seeded.setupKeys.length]!;

    const registrar = await ServerUnderTest.start({ dataDir, env });
    servers.push(registrar);
    fleet = new PeerFleet(new ChannelPool(registrar.target, opts.connections), opts.peers, opts.verify);
    const r0 = registrar.stats().cpuSeconds;
    const registerMs = await fleet.registerAll(keyFor, opts.registerConcurrency);
    const registerCpuSeconds = registrar.stats().cpuSeconds - r0;
    opts.log(`  registered ${opts.peers} peers in ${(registerMs / 1000).toFixed(1)} s, server CPU ${((registerCpuSeconds * 1000) / opts.peers).toFixed(2)} ms/Login`);
    await registrar.stop();

    const server = await ServerUnderTest.start({ dataDir, env, cpuProfDir: opts.profileDir });
    servers.push(server);
    const pool = new ChannelPool(server.target, opts.connections);
    fleet.retarget(pool);
    const failures: string[] = [];
    const change: FanOutChange = opts.fanOutChange === 'policy' ? { kind: 'policy', token } : { kind: 'peer', pool, setupKey: keyFor(opts.peers), extraIndex: opts.peers };
    const measured = await measurePhases(server, fleet, flag, opts, { change, failures });

    const generatorRssBytes = process.memoryUsage().rss;
    fleet.dropAll();
    const exit = await server.stop();
    if (exit !== 0) throw new Error(`server exited ${exit}: ${server.logText().slice(-2000)}`);
    const steady = await guardedSteadyState({ dataDir, env, fleet, opts, serial: fleet.maxSerialSeen, failures });
    const errors = [...failures, ...fleet.errors];
    const errorCount = failures.length + fleet.errorCount;
    fleet.close();
    fleet = undefined;
    const windows = { coldConnect: measured.initial?.window, stormFast: measured.stormFast?.window, stormSlow: measured.stormSlow?.window, fanOut: measured.fanOut?.window };
    const profiles = opts.profileDir ? readCaseProfiles(opts.profileDir, server.pid, windows) : undefined;
    return { mode: opts.mode, peers: opts.peers, registerMs, registerCpuSeconds, ...measured, steady, generatorRssBytes, serverLog: server.logCounts, caseMs: performance.now() - t0, errors, errorCount, profiles };
  } finally {
    fleet?.close();
    for (const s of servers) await s.stop().catch(() => undefined);
    await flag.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The measured phases, in order, each guarded: a failure is noted in `failures` and the case goes on. */
async function measurePhases(
  server: ServerUnderTest,
  fleet: PeerFleet,
  flag: FastPathSwitch,
  opts: CaseOptions,
  ctx: { change: FanOutChange; failures: string[] },
): Promise<Measured> {
  const phase = async <T>(name: string, fn: () => Promise<T>): Promise<T | undefined> => {
    try {
      await repair(fleet, opts, name);
      return await fn();
    } catch (err) {
      ctx.failures.push(`[${name}] ${(err as Error).message}`);
      opts.log(`  ${name} FAILED: ${(err as Error).message}`);
      return undefined;
    }
  };
  await flag.set(server, true);
  await quiesce(server, { quietMs: 500 });
  const idle = server.stats();
  const idleHeap = await server.metric('nodejs_heap_size_used_bytes');

  fleet.phase = 'cold connect';
  const c0 = server.stats().cpuSeconds;
  const coldFromUs = monotonicUs();
  const g0 = process.cpuUsage();
  const initialRun = await phase('cold connect', () => fleet.connectAll({ concurrency: opts.concurrency, deadlineMs: opts.deadlineMs }));
  const coldWindow = { fromUs: coldFromUs, toUs: monotonicUs() };
  const initial = initialRun && { wallMs: initialRun.wallMs, p99Ms: percentile(initialRun.firstMs, 99), cpuSeconds: server.stats().cpuSeconds - c0, generatorCpuSeconds: cpuSecondsSince(g0), retries: initialRun.retries, retriesByCode: initialRun.retriesByCode, window: coldWindow };
  if (initial) opts.log(`  cold connect ${(initial.wallMs / 1000).toFixed(2)} s, cpu ${initial.cpuSeconds.toFixed(2)} s (generator ${initial.generatorCpuSeconds.toFixed(2)} s), ${initial.retries} retries`);
  await quiesce(server, { quietMs: 500 });
  await checkEveryFirstSendCounted(server, fleet, opts.peers);
  const afterCold: ServerMemory = { idleRssBytes: idle.rssBytes, streamsRssBytes: server.stats().rssBytes, idleHeapBytes: idleHeap, streamsHeapBytes: await server.metric('nodejs_heap_size_used_bytes') };

  const storm = { concurrency: opts.concurrency, deadlineMs: opts.deadlineMs, newConnections: opts.newConnections };
  const logStorm = (what: string, r: StormResult | undefined) => r && opts.log(`  ${what} ${(r.wallMs / 1000).toFixed(2)} s, cpu ${r.cpuSeconds.toFixed(2)} s (generator ${r.generatorCpuSeconds.toFixed(2)} s), fast ${r.paths.fast} slow ${r.paths.slow}`);
  const stormFast = await phase('storm, fast path on', () => runReconnectStorm(server, fleet, storm));
  logStorm('storm (fast on)', stormFast);
  const singleFast = await phase('single reconnects, fast path on', () => runSingleReconnects(server, fleet, { count: opts.singleReconnects, deadlineMs: opts.deadlineMs }));

  await flag.set(server, false);
  const stormSlow = await phase('storm, fast path off', () => runReconnectStorm(server, fleet, storm));
  logStorm('storm (fast off)', stormSlow);
  const singleSlow = await phase('single reconnects, fast path off', () => runSingleReconnects(server, fleet, { count: opts.singleReconnects, deadlineMs: opts.deadlineMs }));

  await flag.set(server, true);
  const fanOut = await phase('fan-out', () => runFanOut(server, fleet, { change: ctx.change, deadlineMs: opts.deadlineMs }));
  if (fanOut) opts.log(`  fan-out ${(fanOut.wallMs / 1000).toFixed(2)} s, cpu ${fanOut.cpuSeconds.toFixed(2)} s (generator ${fanOut.generatorCpuSeconds.toFixed(2)} s), ${(fanOut.bytesPerPeer / 1024).toFixed(1)} KiB/peer`);
  return { initial, afterCold, stormFast, singleFast, stormSlow, singleSlow, fanOut };
}

/** The steady-state phase on its own server; a failure is noted and the case goes on. */
async function guardedSteadyState(a: { dataDir: string; env: Record<string, string>; fleet: PeerFleet; opts: CaseOptions; serial: number; failures: string[] }): Promise<SteadyStateResult | undefined> {
  a.fleet.phase = 'steady state';
  try {
    const r = await runSteadyState({ dataDir: a.dataDir, env: a.env, redisAddress: a.opts.redisAddress, fleet: a.fleet, serial: a.serial, connections: a.opts.connections, concurrency: a.opts.concurrency, deadlineMs: a.opts.deadlineMs });
    a.opts.log(`  steady state: ${(((r.streamsRssBytes - r.idleRssBytes) / a.opts.peers) / 1024).toFixed(1)} KiB RSS per stream; restart storm ${(r.restart.wallMs / 1000).toFixed(2)} s, fast ${r.restart.paths.fast} slow ${r.restart.paths.slow}; storm (fast on, Redis cache) ${r.redisStorm ? `${(r.redisStorm.wallMs / 1000).toFixed(2)} s, cpu ${r.redisStorm.cpuSeconds.toFixed(2)} s, ${r.redisStorm.retries} retries, fast ${r.redisStorm.paths.fast} slow ${r.redisStorm.paths.slow}` : 'FAILED'}`);
    if (r.redisStormError) a.failures.push(`[storm, Redis cache] ${r.redisStormError}`);
    return r;
  } catch (err) {
    a.failures.push(`[steady state] ${(err as Error).message}`);
    a.opts.log(`  steady state FAILED: ${(err as Error).message}`);
    return undefined;
  }
}

/**
 * The server counts a Sync once its first message's send() resolved (the cache entry is
 * written after that): every peer holding its first message must be counted soon after.
 */
async function checkEveryFirstSendCounted(server: ServerUnderTest, fleet: PeerFleet, peers: number): Promise<void> {
  const counted = await server.waitMetric('roost_sync_requests_total', (v) => v >= peers, { timeoutMs: 10_000 }).catch(() => server.metric('roost_sync_requests_total'));
  if (counted < peers) fleet.recordError(`after the cold connect the server counted ${counted} Syncs for ${peers} peers holding their first message: ${peers - counted} first-message send() calls never resolved`);
}

/**
 * Reopens streams the server dropped in the previous phase (as clients would), so the next
 * phase runs with all N peers; the drops themselves are already recorded as errors.
 */
async function repair(fleet: PeerFleet, opts: CaseOptions, nextPhase: string): Promise<void> {
  const missing = fleet.missing();
  if (missing > 0 && missing < fleet.size) {
    opts.log(`  reopening ${missing} stream(s) the server dropped, before: ${nextPhase}`);
    await fleet.connectAll({ concurrency: opts.concurrency, deadlineMs: opts.deadlineMs });
  }
  fleet.phase = nextPhase;
}
