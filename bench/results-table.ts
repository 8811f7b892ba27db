import { formatTable } from './format-table.js';
import type { CaseResult } from './run-bench-case.js';
import type { SelfTimeReport } from './cpu-profile-top.js';
import type { TargetInput } from './issue-targets.js';
import type { SyncPathCounts } from './scenarios/sync-path-counts.js';
import type { StormResult } from './scenarios/reconnect-storm.js';

const s = (ms: number) => (ms / 1000).toFixed(2);
const ms = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(1));
const kib = (bytes: number) => (bytes / 1024).toFixed(1);

/** CPU per Sync in a storm, milliseconds. */
export function cpuPerSyncMs(cpuSeconds: number, peers: number): number {
  return (cpuSeconds * 1000) / peers;
}

/** What the issue targets are judged on, from one case (NaN where a phase failed). */
export function targetInput(c: CaseResult): TargetInput {
  return {
    mode: c.mode,
    peers: c.peers,
    fastCpuPerSyncMs: c.stormFast ? cpuPerSyncMs(c.stormFast.cpuSeconds, c.peers) : NaN,
    slowCpuPerSyncMs: c.stormSlow ? cpuPerSyncMs(c.stormSlow.cpuSeconds, c.peers) : NaN,
    stormFastWallMs: c.stormFast?.wallMs ?? NaN,
    fanOutWallMs: c.fanOut?.wallMs ?? NaN,
  };
}

const HEADER = [
  'policy',
  'N',
  'storm fast: all served s',
  'p99 s',
  'CPU s',
  'CPU/Sync ms',
  'storm slow: all served s',
  'p99 s',
  'CPU s',
  'CPU/Sync ms',
  'slow/fast CPU',
  'reconnect fast p50/p99 ms',
  'reconnect slow p50/p99 ms',
  'fan-out: all s',
  'CPU s',
  'update KiB/peer',
  'RSS/stream KiB',
  'heap/stream KiB',
];

/** `f(x)`, or a dash for a phase that failed. */
const or = <T>(x: T | undefined, f: (v: T) => string): string => (x === undefined ? '—' : f(x));

/** The one results table (Markdown), a row per policy mode × peer count. */
export function resultsTable(cases: readonly CaseResult[]): string {
  const rows = cases.map((c) => {
    const t = targetInput(c);
    const ratio = t.slowCpuPerSyncMs / t.fastCpuPerSyncMs;
    return [
      c.mode,
      String(c.peers),
      or(c.stormFast, (r) => s(r.wallMs)),
      or(c.stormFast, (r) => s(r.p99Ms)),
      or(c.stormFast, (r) => r.cpuSeconds.toFixed(2)),
      or(c.stormFast, () => ms(t.fastCpuPerSyncMs)),
      or(c.stormSlow, (r) => s(r.wallMs)),
      or(c.stormSlow, (r) => s(r.p99Ms)),
      or(c.stormSlow, (r) => r.cpuSeconds.toFixed(2)),
      or(c.stormSlow, () => ms(t.slowCpuPerSyncMs)),
      Number.isFinite(ratio) ? `${ratio.toFixed(1)}×` : '—',
      or(c.singleFast, (r) => `${ms(r.p50Ms)} / ${ms(r.p99Ms)}`),
      or(c.singleSlow, (r) => `${ms(r.p50Ms)} / ${ms(r.p99Ms)}`),
      or(c.fanOut, (r) => s(r.wallMs)),
      or(c.fanOut, (r) => r.cpuSeconds.toFixed(2)),
      or(c.fanOut, (r) => kib(r.bytesPerPeer)),
      or(c.steady, (r) => kib((r.streamsRssBytes - r.idleRssBytes) / c.peers)),
      or(c.steady, (r) => kib((r.streamsHeapBytes - r.idleHeapBytes) / c.peers)),
    ];
  });
  return formatTable(HEADER, rows, new Set(HEADER.map((_, i) => i).filter((i) => i > 0)));
}

const REGISTRATION_HEADER = ['policy', 'N', 'register: all s', 'Logins/s', 'server CPU ms/Login', 'storm fast, Redis cache: all served s', 'p99 s', 'CPU s', 'retries', 'fast / slow'];

/**
 * Registration (N Logins with a setup key, `--register-concurrency` in flight, on the first
 * server) and the fast-path storm with the peer-sync cache in Redis (steady-state server).
 */
export function registrationTable(cases: readonly CaseResult[]): string {
  const rows = cases.map((c) => {
    const r = c.steady?.redisStorm;
    return [
      c.mode,
      String(c.peers),
      s(c.registerMs),
      ((c.peers * 1000) / c.registerMs).toFixed(0),
      ms((c.registerCpuSeconds * 1000) / c.peers),
      or(r, (x) => s(x.wallMs)),
      or(r, (x) => s(x.p99Ms)),
      or(r, (x) => x.cpuSeconds.toFixed(2)),
      or(r, (x) => String(x.retries)),
      or(r, (x) => `${x.paths.fast} / ${x.paths.slow}`),
    ];
  });
  return formatTable(REGISTRATION_HEADER, rows, new Set(REGISTRATION_HEADER.map((_, i) => i).filter((i) => i > 0)));
}

/** "998 fast / 2 slow (cache_miss 2)". */
export function pathsText(p: SyncPathCounts): string {
  const moved = Object.entries(p.slowReasons ?? {}).filter(([, n]) => n !== 0);
  return `${p.fast} fast / ${p.slow} slow${moved.length > 0 ? ` (${moved.map(([r, n]) => `${r} ${n}`).join(', ')})` : ''}`;
}

/** "12 retries (RESOURCE_EXHAUSTED 10, DEADLINE_EXCEEDED 2)". */
export function retriesText(total: number, byCode: Readonly<Record<string, number>>): string {
  const parts = Object.entries(byCode).map(([code, n]) => `${code} ${n}`);
  return `${total} retries${parts.length > 0 ? ` (${parts.join(', ')})` : ''}`;
}

const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);

/** One line per case: set-up cost and the counters behind the table. */
export function caseNotes(c: CaseResult): string {
  const storm = (r: StormResult) => `${pathsText(r.paths)}, ${retriesText(r.retries, r.retriesByCode)}, peak RSS ${mib(r.peakRssBytes)} MiB, longest event-loop stall ${s(r.maxLagSeconds * 1000)} s, generator CPU ${r.generatorCpuSeconds.toFixed(2)} s`;
  return [
    `${c.mode} N=${c.peers}: case ${s(c.caseMs)} s; register ${s(c.registerMs)} s;`,
    `cold connect ${or(c.initial, (r) => `${s(r.wallMs)} s (CPU ${r.cpuSeconds.toFixed(2)} s, ${retriesText(r.retries, r.retriesByCode)})`)};`,
    `storm fast on: ${or(c.stormFast, storm)}, drop CPU ${or(c.stormFast, (r) => r.dropCpuSeconds.toFixed(2))} s;`,
    `storm fast off: ${or(c.stormSlow, storm)};`,
    `single reconnect server CPU ${or(c.singleFast, (r) => ms(r.cpuMsPerReconnect))} ms fast / ${or(c.singleSlow, (r) => ms(r.cpuMsPerReconnect))} ms slow;`,
    `fan-out: ${or(c.fanOut, (r) => `${r.change === 'policy' ? 'policy description changed over REST' : 'one more peer registered'}, serial ${r.serial}, the change request took ${ms(r.changeMs)} ms, p50 ${s(r.p50Ms)} s, generator CPU ${r.generatorCpuSeconds.toFixed(2)} s, peak RSS ${mib(r.peakRssBytes)} MiB, longest event-loop stall ${s(r.maxLagSeconds * 1000)} s`)};`,
    `steady state (fresh server, Redis cache, all streams on the fast path): RSS ${or(c.steady, (r) => `${mib(r.idleRssBytes)} MiB idle → ${mib(r.streamsRssBytes)} MiB with ${c.peers} streams; that restart storm ${s(r.restart.wallMs)} s, CPU ${r.restart.cpuSeconds.toFixed(2)} s, ${pathsText(r.restart.paths)}`)};`,
    `measured server after the cold connect: RSS ${or(c.afterCold, (r) => `${mib(r.idleRssBytes)} → ${mib(r.streamsRssBytes)} MiB, heap ${mib(r.idleHeapBytes)} → ${mib(r.streamsHeapBytes)} MiB`)};`,
    `server log: fast path disabled ${c.serverLog.fastPathReadFailures}× by a failed switch read, ${c.serverLog.errors} error lines; generator RSS ${mib(c.generatorRssBytes)} MiB`,
  ].join(' ');
}

/** A profile phase as a small Markdown table of the top self-time functions. */
export function profileTable(title: string, r: SelfTimeReport, valueLabel = 'self ms'): string {
  const rows = r.rows.map((x, i) => [String(i + 1), x.functionName, x.location, x.selfMs.toFixed(0), `${x.percent.toFixed(1)} %`]);
  return `${title} — busy ${r.busyMs.toFixed(0)} ms, idle ${r.idleMs.toFixed(0)} ms\n\n${formatTable(['#', 'function', 'location', valueLabel, 'of busy'], rows, new Set([0, 3, 4]))}`;
}
