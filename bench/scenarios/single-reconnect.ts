import type { PeerFleet } from '../peer-fleet.js';
import { percentile } from '../percentile.js';
import type { ServerUnderTest } from '../server-under-test.js';
import { quiesce } from './quiesce.js';
import { promValue } from '../prom-text.js';
import { countsDelta, pathCountsOf, type SyncPathCounts } from './sync-path-counts.js';

export interface SingleReconnectResult {
  readonly count: number;
  /** From the Sync call (after GetServerKey) to the first message. */
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** Server CPU per reconnect, clean-up of the dropped stream included (process_cpu_seconds_total). */
  readonly cpuMsPerReconnect: number;
  readonly paths: SyncPathCounts;
}

/** One peer dropped and reconnected `count` times in a row while every other stream stays open and quiet. */
export async function runSingleReconnects(server: ServerUnderTest, fleet: PeerFleet, opts: { count: number; peerIndex?: number; deadlineMs: number }): Promise<SingleReconnectResult> {
  await quiesce(server);
  // CPU from /metrics (process.cpuUsage, µs) rather than /proc (10 ms ticks): a reconnect costs about a millisecond.
  const cpuOf = (text: string) => promValue(text, 'process_cpu_seconds_total') ?? NaN;
  const t0 = await server.metrics();
  const before = pathCountsOf(t0);
  const latencies: number[] = [];
  for (let i = 0; i < opts.count; i++) latencies.push(await fleet.reconnectOne(opts.peerIndex ?? 0, opts.deadlineMs));
  await quiesce(server, { quietMs: 200 });
  const t1 = await server.metrics();
  const cpu = cpuOf(t1) - cpuOf(t0);
  return {
    count: opts.count,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    cpuMsPerReconnect: (cpu * 1000) / opts.count,
    paths: countsDelta(before, pathCountsOf(t1)),
  };
}
