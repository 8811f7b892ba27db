import { BenchPeer } from '../bench-peer.js';
import { policyUpdateBody, type ApiPolicyShape } from '../policy-update-body.js';
import type { ChannelPool } from '../channel-pool.js';
import type { PeerFleet } from '../peer-fleet.js';
import { percentile } from '../percentile.js';
import type { ServerUnderTest } from '../server-under-test.js';
import { samplePeakRss } from './peak-rss.js';
import { cpuSecondsSince, monotonicUs, type PhaseWindow } from './phase-window.js';
import { quiesce } from './quiesce.js';
import { scrapePhase } from './sync-path-counts.js';

/** What the fan-out's one change is. */
export type FanOutChange =
  /** PUT /api/policies/{id} with a new description (the REST admin API, token from `roost init`). */
  | { readonly kind: 'policy'; readonly token: string }
  /** Registering one more peer over gRPC (a Login with the setup key). */
  | { readonly kind: 'peer'; readonly pool: ChannelPool; readonly setupKey: string; readonly extraIndex: number };

/** Prepares the change outside the timed window; the returned function makes it. */
async function prepareChange(server: ServerUnderTest, change: FanOutChange, deadlineMs: number): Promise<() => Promise<void>> {
  if (change.kind === 'peer') {
    const extra = new BenchPeer(change.extraIndex, () => change.pool.clientFor(change.extraIndex), `bench-extra-${change.extraIndex}`);
    return () => extra.register(change.setupKey, deadlineMs);
  }
  if (server.httpPort === undefined) throw new Error('fan-out by policy change: the server logged no http port (use --fan-out-change peer)');
  const api = `http://127.0.0.1:${server.httpPort}/api`;
  const headers = { authorization: `Token ${change.token}`, 'content-type': 'application/json' };
  const call = async (method: string, path: string, body?: unknown): Promise<unknown> => {
    const res = await fetch(api + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(deadlineMs) });
    if (!res.ok) throw new Error(`${method} /api${path} answered ${res.status}: ${await res.text()}`);
    return res.json();
  };
  const [policy] = (await call('GET', '/policies')) as ApiPolicyShape[];
  if (!policy) throw new Error('fan-out by policy change: the account has no policy');
  return async () => {
    await call('PUT', `/policies/${policy.id}`, policyUpdateBody(policy, `bench fan-out at ${new Date().toISOString()}`));
  };
}

export interface FanOutResult {
  /** The serial every peer had to reach. */
  readonly serial: number;
  /** What the change was. */
  readonly change: FanOutChange['kind'];
  /** From the start of the change until every peer held `serial`. */
  readonly wallMs: number;
  readonly p50Ms: number;
  /** The request that made the change (REST PUT or Login), round trip. */
  readonly changeMs: number;
  /** Server CPU over `wallMs`. */
  readonly cpuSeconds: number;
  /** The generator's own CPU (this process) over `wallMs`. */
  readonly generatorCpuSeconds: number;
  /** Average encrypted size of the pushed update. */
  readonly bytesPerPeer: number;
  /** Highest server RSS sampled until every peer held the serial. */
  readonly peakRssBytes: number;
  /** Longest event-loop stall of the server during the fan-out. */
  readonly maxLagSeconds: number;
  readonly window: PhaseWindow;
}

/**
 * Fan-out of one account change to every open stream, made through the server (a write by
 * another process would not reach its streams): by default a policy's description changed
 * over the REST API, or one more peer registered over gRPC. Either bumps the serial once and
 * pushes to every peer of the account.
 */
export async function runFanOut(server: ServerUnderTest, fleet: PeerFleet, opts: { change: FanOutChange; deadlineMs: number }): Promise<FanOutResult> {
  const serial = fleet.maxSerial() + 1;
  const makeChange = await prepareChange(server, opts.change, opts.deadlineMs);
  await quiesce(server);
  await scrapePhase(server); // resets the server's event-loop lag histogram
  const bytes0 = fleet.traffic().bytes;
  const c0 = server.stats().cpuSeconds;
  const g0 = process.cpuUsage();
  const fromUs = monotonicUs();
  const t0 = performance.now();
  const rss = samplePeakRss(server);
  const arrivalsPromise = fleet.waitAllSerial(serial, opts.deadlineMs);
  let changeMs = NaN;
  const arrivals = await Promise.all([
    makeChange().then(() => (changeMs = performance.now() - t0)),
    arrivalsPromise,
  ]).finally(() => rss.stop()).then(([, a]) => a);
  const toUs = monotonicUs();
  const generatorCpuSeconds = cpuSecondsSince(g0);
  const peakRssBytes = rss.stop();
  const { maxLagSeconds } = await scrapePhase(server);
  const cpuSeconds = server.stats().cpuSeconds - c0;
  const last = arrivals.at(-1) ?? t0;
  return {
    serial,
    change: opts.change.kind,
    wallMs: last - t0,
    p50Ms: percentile(arrivals.map((a) => a - t0), 50),
    changeMs,
    cpuSeconds,
    generatorCpuSeconds,
    bytesPerPeer: (fleet.traffic().bytes - bytes0) / fleet.size,
    peakRssBytes,
    maxLagSeconds,
    window: { fromUs, toUs },
  };
}
