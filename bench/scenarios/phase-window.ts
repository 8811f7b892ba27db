/** A measured phase on the monotonic clock V8 CPU profiles use (µs), to cut the profile. */
export interface PhaseWindow {
  readonly fromUs: number;
  readonly toUs: number;
}

/** Microseconds on `process.hrtime` — the clock `--cpu-prof` stamps its samples with. */
export function monotonicUs(): number {
  return Number(process.hrtime.bigint() / 1000n);
}

/** This process's CPU (user + system) since `start`, a `process.cpuUsage()` reading. */
export function cpuSecondsSince(start: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(start);
  return (d.user + d.system) / 1e6;
}
