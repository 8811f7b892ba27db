import type { PeerFleet } from '../peer-fleet.js';
import { percentile } from '../percentile.js';
import type { ServerUnderTest } from '../server-under-test.js';
import { quiesce } from './quiesce.js';
import { countsDelta, syncPathCounts, type SyncPathCounts } from './sync-path-counts.js';

export interface SingleReconnectResult {
  readonly count: number;
  /** From the Sync call (after GetServerKey) to the first message. */
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** Server CPU per reconnect, clean-up of the dropped stream included. */
  readonly cpuMsPerReconnect: number;
  readonly paths: SyncPathCounts;
}

/** One peer dropped and reconnected `count` times in a row while every other stream stays open and quiet. */
export async function runSingleReconnects(server: ServerUnderTest, fleet: PeerFleet, opts: { count: number; peerIndex?: number; deadlineMs: number }): Promise<SingleReconnectResult> {
  await quiesce(server);
  const before = await syncPathCounts(server);
  const c0 = server.stats().cpuSeconds;
  const latencies: number[] = [];
  for (let i = 0; i < opts.count; i++) latencies.push(await fleet.reconnectOne(opts.peerIndex ?? 0, opts.deadlineMs));
  const cpu = server.stats().cpuSeconds - c0;
  return {
    count: opts.count,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    cpuMsPerReconnect: (cpu * 1000) / opts.count,
    paths: countsDelta(before, await syncPathCounts(server)),
  };
}
