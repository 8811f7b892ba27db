import type { PeerFleet } from '../peer-fleet.js';
import { percentile } from '../percentile.js';
import type { ServerUnderTest } from '../server-under-test.js';
import { samplePeakRss } from './peak-rss.js';
import { cpuSecondsSince, monotonicUs, type PhaseWindow } from './phase-window.js';
import { quiesce } from './quiesce.js';
import { countsDelta, scrapePhase, type SyncPathCounts } from './sync-path-counts.js';

export interface StormOptions {
  /** Set-ups in flight from the generator (N = all at once). */
  readonly concurrency: number;
  readonly deadlineMs: number;
  /** Also close each peer's connection, so every reconnect dials a new HTTP/2 connection. */
  readonly newConnections: boolean;
}

export interface StormResult {
  /** From the first reconnect until every peer held its first message. */
  readonly wallMs: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** Server CPU (utime+stime) from the first reconnect until the last first message. */
  readonly cpuSeconds: number;
  /** The generator's own CPU (this process) over the same span: near one core means it bounds the span. */
  readonly generatorCpuSeconds: number;
  /** Server CPU spent on the drop itself (stream clean-up), before the reconnects. */
  readonly dropCpuSeconds: number;
  readonly retries: number;
  readonly retriesByCode: Readonly<Record<string, number>>;
  /** Highest server RSS sampled during the reconnects. */
  readonly peakRssBytes: number;
  /** Sync requests the server counted, by path, during the reconnect phase. */
  readonly paths: SyncPathCounts;
  /** Longest event-loop stall of the server during the reconnects. */
  readonly maxLagSeconds: number;
  readonly window: PhaseWindow;
}

/**
 * Reconnect storm: every stream dropped at once, the server left to clean up and go quiet,
 * then every peer reconnects concurrently. Measures time to the last first message and the
 * server's CPU over exactly that span.
 */
export async function runReconnectStorm(server: ServerUnderTest, fleet: PeerFleet, opts: StormOptions): Promise<StormResult> {
  const d0 = server.stats().cpuSeconds;
  fleet.dropAll({ newConnections: opts.newConnections });
  await server.waitMetric('roost_sync_streams_connected', (v) => v === 0, { timeoutMs: opts.deadlineMs });
  await quiesce(server);
  const dropCpuSeconds = server.stats().cpuSeconds - d0;
  const before = (await scrapePhase(server)).paths;

  const c0 = server.stats().cpuSeconds;
  const g0 = process.cpuUsage();
  const fromUs = monotonicUs();
  const rss = samplePeakRss(server);
  const r = await fleet.connectAll({ concurrency: opts.concurrency, deadlineMs: opts.deadlineMs }).finally(() => rss.stop());
  const toUs = monotonicUs();
  const peakRssBytes = rss.stop();
  const cpuSeconds = server.stats().cpuSeconds - c0;
  const generatorCpuSeconds = cpuSecondsSince(g0);

  const after = await scrapePhase(server);
  const paths = countsDelta(before, after.paths);
  return {
    wallMs: r.wallMs,
    p50Ms: percentile(r.firstMs, 50),
    p99Ms: percentile(r.firstMs, 99),
    cpuSeconds,
    generatorCpuSeconds,
    dropCpuSeconds,
    retries: r.retries,
    retriesByCode: r.retriesByCode,
    peakRssBytes,
    paths,
    maxLagSeconds: after.maxLagSeconds,
    window: { fromUs, toUs },
  };
}
