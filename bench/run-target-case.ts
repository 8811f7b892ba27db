import { pollUntil } from '../test/harness/poll.js';
import { BenchPeer, type VerifyMode } from './bench-peer.js';
import { ChannelPool, type ConnectionMode } from './channel-pool.js';
import { PeerFleet } from './peer-fleet.js';
import { percentile } from './percentile.js';
import { policyUpdateBody, type ApiPolicyShape } from './policy-update-body.js';
import { quiesce } from './scenarios/quiesce.js';
import { countsDelta, pathCountsOf, type SyncPathCounts } from './scenarios/sync-path-counts.js';
import { pathsText } from './results-table.js';
import type { TargetFanOut } from './target-fan-out.js';
import { notMeasured, type TargetPhase } from './target-phase.js';
import type { TargetServer } from './target-server.js';

export interface TargetCaseOptions {
  readonly server: TargetServer;
  readonly peers: number;
  readonly setupKey: string;
  readonly registerConcurrency: number;
  readonly concurrency: number;
  readonly singleReconnects: number;
  readonly deadlineMs: number;
  readonly connections: ConnectionMode;
  readonly verify: VerifyMode;
  readonly fanOut: TargetFanOut;
  readonly log: (line: string) => void;
}

export interface TargetCaseResult {
  readonly peers: number;
  readonly phases: readonly TargetPhase[];
  readonly idleRssBytes: number | null;
  readonly streamsRssBytes: number | null;
  readonly errors: readonly string[];
  readonly errorCount: number;
}

/**
 * The bench's phases against a server it did not start: register N peers with the setup key,
 * cold connect, one reconnect storm, single reconnects, fan-out of one change. The account is
 * whatever the server holds; the peers stay in it (each run registers new keys).
 */
export async function runTargetCase(opts: TargetCaseOptions): Promise<TargetCaseResult> {
  const { server } = opts;
  const pool = new ChannelPool(server.target, opts.connections);
  const fleet = new PeerFleet(pool, opts.peers, opts.verify);
  const phases: TargetPhase[] = [];
  const failures: string[] = [];
  const guarded = async (name: string, fn: () => Promise<TargetPhase>): Promise<void> => {
    fleet.phase = name;
    try {
      const p = await fn();
      phases.push(p);
      opts.log(`  ${name}: ${p.wallMs === null ? p.note : `${(p.wallMs / 1000).toFixed(2)} s`}`);
    } catch (err) {
      failures.push(`[${name}] ${(err as Error).message}`);
      phases.push(notMeasured(name, `failed (${(err as Error).message.slice(0, 120)})`));
      opts.log(`  ${name} FAILED: ${(err as Error).message}`);
    }
  };
  try {
    const cpuSince = async (c0: number | null) => (c0 === null ? null : ((await server.cpuSeconds()) ?? NaN) - c0);

    await guarded('registration', async () => {
      const c0 = await server.cpuSeconds();
      const wallMs = await fleet.registerAll(() => opts.setupKey, opts.registerConcurrency);
      return { name: 'registration', count: opts.peers, wallMs, p50Ms: null, p99Ms: null, cpuSeconds: await cpuSince(c0), retries: 0, note: `Logins with the setup key, ${opts.registerConcurrency} in flight (${((opts.peers * 1000) / wallMs).toFixed(0)} Logins/s)` };
    });
    if (failures.length > 0) {
      // Unregistered peers can only be refused: the remaining phases would measure nothing.
      for (const name of ['cold connect', 'reconnect storm', 'single reconnect', 'fan-out']) phases.push(notMeasured(name, 'registration failed'));
      return { peers: opts.peers, phases, idleRssBytes: null, streamsRssBytes: null, errors: [...failures, ...fleet.errors], errorCount: failures.length + fleet.errorCount };
    }
    await settle(server);
    const idleRssBytes = await server.rssBytes();
    const connect = async (name: string, note: string): Promise<TargetPhase> => {
      const c0 = await server.cpuSeconds();
      const p0 = await syncPaths(server);
      const r = await fleet.connectAll({ concurrency: opts.concurrency, deadlineMs: opts.deadlineMs });
      const cpuSeconds = await cpuSince(c0);
      const p1 = p0 && (await syncPathsOnceCounted(server, p0, opts.peers));
      const paths = p0 && p1 ? `; Roost /metrics: ${pathsText(countsDelta(p0, p1))}` : '';
      return { name, count: opts.peers, wallMs: r.wallMs, p50Ms: percentile(r.firstMs, 50), p99Ms: percentile(r.firstMs, 99), cpuSeconds, retries: r.retries, note: note + paths };
    };
    await guarded('cold connect', () => connect('cold connect', 'every bench peer opens its first Sync'));
    await settle(server);
    const streamsRssBytes = await server.rssBytes();

    await guarded('reconnect storm', async () => {
      fleet.dropAll();
      await settle(server);
      return connect('reconnect storm', 'all streams dropped, then all reopened at once');
    });
    phases.push(notMeasured('storm, fast path off (slow/fast split)', 'needs the Roost fast-path switch, which only a server the bench starts has'));
    await guarded('single reconnect', async () => {
      await settle(server);
      const c0 = await server.cpuSeconds();
      const lat: number[] = [];
      const t0 = performance.now();
      for (let i = 0; i < opts.singleReconnects; i++) lat.push(await fleet.reconnectOne(0, opts.deadlineMs));
      return { name: 'single reconnect', count: opts.singleReconnects, wallMs: performance.now() - t0, p50Ms: percentile(lat, 50), p99Ms: percentile(lat, 99), cpuSeconds: await cpuSince(c0), retries: 0, note: 'one peer, in a row, the others open and quiet; p50/p99 from Sync call to first message' };
    });
    await guarded('fan-out', () => runTargetFanOut(opts, fleet, pool));
    return { peers: opts.peers, phases, idleRssBytes, streamsRssBytes, errors: [...failures, ...fleet.errors], errorCount: failures.length + fleet.errorCount };
  } finally {
    fleet.close();
  }
}

/** Waits for the server to go quiet when its CPU can be read; without a PID there is nothing to wait on. */
async function settle(server: TargetServer): Promise<void> {
  if (server.pid !== undefined) await quiesce(server, { quietMs: 500 });
}

/** Roost's Sync path counters, when --metrics-url points at a Roost; undefined elsewhere. */
async function syncPaths(server: TargetServer): Promise<SyncPathCounts | undefined> {
  const text = await server.metrics().catch(() => undefined);
  return text?.includes('roost_sync_requests_total') ? pathCountsOf(text) : undefined;
}

/**
 * Roost counts a Sync once its first send() resolved, a moment after the client has it: poll
 * (briefly) until all `peers` are counted, so the split is not short by the last few.
 */
async function syncPathsOnceCounted(server: TargetServer, before: SyncPathCounts, peers: number): Promise<SyncPathCounts | undefined> {
  let last: SyncPathCounts | undefined;
  await pollUntil(
    async () => {
      last = await syncPaths(server);
      return last !== undefined && last.fast + last.slow - before.fast - before.slow >= peers;
    },
    { timeoutMs: 5_000, intervalMs: 50, what: 'Roost to count every Sync' },
  ).catch(() => undefined);
  return last;
}

/** One change every bench peer must receive, timed until the last one holds the new serial. */
async function runTargetFanOut(opts: TargetCaseOptions, fleet: PeerFleet, pool: ChannelPool): Promise<TargetPhase> {
  const change = opts.fanOut;
  if (change.kind === 'none') return notMeasured('fan-out', change.reason);
  let make: () => Promise<unknown>;
  let what: string;
  if (change.kind === 'peer') {
    const extra = new BenchPeer(opts.peers, () => pool.clientFor(opts.peers), `bench-extra-${Date.now()}`);
    make = () => extra.register(opts.setupKey, opts.deadlineMs);
    what = 'one more peer registered with the setup key';
  } else {
    const call = restCaller(change.apiUrl, change.token, opts.deadlineMs);
    const [policy] = (await call('GET', '/policies')) as ApiPolicyShape[];
    if (!policy) throw new Error('the account has no policy to change');
    make = () => call('PUT', `/policies/${policy.id}`, policyUpdateBody(policy, `bench fan-out at ${new Date().toISOString()}`));
    what = `description of policy "${policy.name}" changed over the REST API`;
  }
  await settle(opts.server);
  // maxSerialSeen: a stream Roost opened on its fast path holds no map (and so no serial) yet.
  const serial = Math.max(fleet.maxSerial(), fleet.maxSerialSeen) + 1;
  const c0 = await opts.server.cpuSeconds();
  const t0 = performance.now();
  const [, arrivals] = await Promise.all([make(), fleet.waitAllSerial(serial, opts.deadlineMs)]);
  const last = arrivals.at(-1) ?? t0;
  const c1 = await opts.server.cpuSeconds();
  return {
    name: 'fan-out',
    count: fleet.size,
    wallMs: last - t0,
    p50Ms: percentile(arrivals.map((a) => a - t0), 50),
    p99Ms: percentile(arrivals.map((a) => a - t0), 99),
    cpuSeconds: c0 === null || c1 === null ? null : c1 - c0,
    retries: null,
    note: `${what}; until every bench peer held serial ≥ ${serial}`,
  };
}

/** Calls the NetBird REST API with a personal access token; a non-2xx answer is an error. */
function restCaller(apiUrl: string, token: string, timeoutMs: number): (method: string, path: string, body?: unknown) => Promise<unknown> {
  const headers = { authorization: `Token ${token}`, 'content-type': 'application/json', accept: 'application/json' };
  return async (method, path, body) => {
    const res = await fetch(apiUrl + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(timeoutMs) });
    if (!res.ok) throw new Error(`${method} ${apiUrl}${path} answered ${res.status}: ${(await res.text()).slice(0, 200)}`);
    return res.json();
  };
}
