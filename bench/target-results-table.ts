import { formatTable } from './format-table.js';
import type { TargetPhase } from './target-phase.js';

const NOT = 'not measured';
const s = (ms: number) => (ms / 1000).toFixed(2);
const ms = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(1));
const or = (x: number | null, f: (v: number) => string): string => (x === null || !Number.isFinite(x) ? NOT : f(x));

const HEADER = ['phase', 'count', 'all done s', 'p50 ms', 'p99 ms', 'server CPU s', 'CPU/op ms', 'retries', 'note'];

/** The `--target` run as one Markdown table, a row per phase; what was not measured says so. */
export function targetResultsTable(phases: readonly TargetPhase[]): string {
  const rows = phases.map((p) => [
    p.name,
    or(p.count, String),
    or(p.wallMs, s),
    or(p.p50Ms, ms),
    or(p.p99Ms, ms),
    or(p.cpuSeconds, (c) => c.toFixed(2)),
    p.cpuSeconds === null || !p.count ? NOT : ms((p.cpuSeconds * 1000) / p.count),
    or(p.retries, String),
    p.note,
  ]);
  return formatTable(HEADER, rows, new Set([1, 2, 3, 4, 5, 6, 7]));
}

/** "123 MiB idle → 145 MiB with 200 streams (110.0 KiB/stream)", or why not. */
export function targetMemoryLine(idle: number | null, streams: number | null, peers: number): string {
  if (idle === null || streams === null) return `server RSS: ${NOT} (give --server-pid, or a --metrics-url exposing process_resident_memory_bytes)`;
  const mib = (b: number) => (b / 1024 / 1024).toFixed(0);
  // A garbage collection between the readings can outweigh a few streams: no negative per-stream figure.
  const perStream = streams > idle ? `${((streams - idle) / peers / 1024).toFixed(1)} KiB/stream` : `per stream ${NOT}: RSS did not grow, below the noise at this N`;
  return `server RSS: ${mib(idle)} MiB before the bench peers connected → ${mib(streams)} MiB with their ${peers} streams (${perStream})`;
}
