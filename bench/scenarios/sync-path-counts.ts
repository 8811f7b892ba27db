import { promValue } from '../prom-text.js';
import type { ServerUnderTest } from '../server-under-test.js';

/** The slow-path reasons roost_sync_requests_total is labelled with (session-metrics.ts). */
export const SLOW_REASONS = ['flag_off', 'android', 'cache_miss', 'login_mismatch', 'serial_mismatch', 'meta_mismatch', 'zero_serial', 'race'] as const;

/** roost_sync_requests_total by path, and the slow path by reason. */
export interface SyncPathCounts {
  readonly fast: number;
  readonly slow: number;
  readonly slowReasons?: Readonly<Record<string, number>>;
}

/** A scrape's counts, and the longest event-loop stall since the previous scrape. */
export interface PhaseScrape {
  readonly paths: SyncPathCounts;
  /** nodejs_eventloop_lag_max_seconds: prom-client resets the histogram on every scrape. */
  readonly maxLagSeconds: number;
}

/** Scrapes /metrics once: Sync path counts and the event-loop lag since the last scrape. */
export async function scrapePhase(server: ServerUnderTest): Promise<PhaseScrape> {
  const text = await server.metrics();
  return { paths: pathCountsOf(text), maxLagSeconds: promValue(text, 'nodejs_eventloop_lag_max_seconds') ?? NaN };
}

/** roost_sync_requests_total of one /metrics text. */
export function pathCountsOf(text: string): SyncPathCounts {
  const slowReasons: Record<string, number> = {};
  for (const reason of SLOW_REASONS) slowReasons[reason] = promValue(text, 'roost_sync_requests_total', { path: 'slow', reason }) ?? 0;
  return {
    fast: promValue(text, 'roost_sync_requests_total', { path: 'fast' }) ?? 0,
    slow: promValue(text, 'roost_sync_requests_total', { path: 'slow' }) ?? 0,
    slowReasons,
  };
}

/** after − before, per path and reason (reasons that did not move are left out). */
export function countsDelta(before: SyncPathCounts, after: SyncPathCounts): SyncPathCounts {
  const slowReasons: Record<string, number> = {};
  for (const [reason, n] of Object.entries(after.slowReasons ?? {})) {
    const d = n - (before.slowReasons?.[reason] ?? 0);
    if (d !== 0) slowReasons[reason] = d;
  }
  return { fast: after.fast - before.fast, slow: after.slow - before.slow, slowReasons };
}
