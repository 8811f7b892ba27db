import { BenchPeer } from '../bench-peer.js';
import type { ChannelPool } from '../channel-pool.js';
import type { PeerFleet } from '../peer-fleet.js';
import { percentile } from '../percentile.js';
import type { ServerUnderTest } from '../server-under-test.js';
import { samplePeakRss } from './peak-rss.js';
import { monotonicUs, type PhaseWindow } from './phase-window.js';
import { quiesce } from './quiesce.js';
import { scrapePhase } from './sync-path-counts.js';

export interface FanOutResult {
  /** The serial every peer had to reach. */
  readonly serial: number;
  /** From the start of the change (the extra peer's Login) until every peer held `serial`. */
  readonly wallMs: number;
  readonly p50Ms: number;
  /** The Login that made the change, round trip. */
  readonly changeMs: number;
  /** Server CPU over `wallMs`. */
  readonly cpuSeconds: number;
  /** Average encrypted size of the pushed update. */
  readonly bytesPerPeer: number;
  /** Highest server RSS sampled until every peer held the serial. */
  readonly peakRssBytes: number;
  /** Longest event-loop stall of the server during the fan-out. */
  readonly maxLagSeconds: number;
  readonly window: PhaseWindow;
}

/**
 * Fan-out of one account change to every open stream. The change is the registration of one
 * extra peer over gRPC (a Login with the setup key): there is no admin API to change a
 * policy through yet, and a write by another process would not reach the server's streams.
 * Registration bumps the serial once and pushes to all peers of the account.
 */
export async function runFanOut(server: ServerUnderTest, fleet: PeerFleet, opts: { pool: ChannelPool; setupKey: string; deadlineMs: number; extraIndex: number }): Promise<FanOutResult> {
  const serial = fleet.maxSerial() + 1;
  await quiesce(server);
  await scrapePhase(server); // resets the server's event-loop lag histogram
  const extra = new BenchPeer(opts.extraIndex, () => opts.pool.clientFor(opts.extraIndex), `bench-extra-${opts.extraIndex}`);
  const bytes0 = fleet.traffic().bytes;
  const c0 = server.stats().cpuSeconds;
  const fromUs = monotonicUs();
  const t0 = performance.now();
  const rss = samplePeakRss(server);
  const arrivalsPromise = fleet.waitAllSerial(serial, opts.deadlineMs);
  let changeMs = NaN;
  const arrivals = await Promise.all([
    extra.register(opts.setupKey, opts.deadlineMs).then(() => (changeMs = performance.now() - t0)),
    arrivalsPromise,
  ]).finally(() => rss.stop()).then(([, a]) => a);
  const toUs = monotonicUs();
  const peakRssBytes = rss.stop();
  const { maxLagSeconds } = await scrapePhase(server);
  const cpuSeconds = server.stats().cpuSeconds - c0;
  const last = arrivals.at(-1) ?? t0;
  return {
    serial,
    wallMs: last - t0,
    p50Ms: percentile(arrivals.map((a) => a - t0), 50),
    changeMs,
    cpuSeconds,
    bytesPerPeer: (fleet.traffic().bytes - bytes0) / fleet.size,
    peakRssBytes,
    maxLagSeconds,
    window: { fromUs, toUs },
  };
}
