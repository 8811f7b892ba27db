/**
 * One measured phase of a `--target` run. `null` is "not measured": the reading needs
 * something the run was not given (a PID, a metrics URL, a REST token) or a Roost-only hook.
 */
export interface TargetPhase {
  readonly name: string;
  /** Operations in the phase (Logins, Syncs, reconnects, pushed peers). */
  readonly count: number | null;
  /** From the phase start until the last operation completed. */
  readonly wallMs: number | null;
  readonly p50Ms: number | null;
  readonly p99Ms: number | null;
  /** Server CPU over the phase. */
  readonly cpuSeconds: number | null;
  readonly retries: number | null;
  /** What the phase was, or why it was not measured. */
  readonly note: string;
}

/** A phase that could not be run, with the reason. */
export function notMeasured(name: string, reason: string): TargetPhase {
  return { name, count: null, wallMs: null, p50Ms: null, p99Ms: null, cpuSeconds: null, retries: null, note: `not measured: ${reason}` };
}
