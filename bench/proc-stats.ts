import { readFileSync } from 'node:fs';

/** CPU time and resident memory of one process, read from /proc (Linux only). */
export interface ProcStats {
  /** utime + stime, seconds (clock-tick resolution). */
  readonly cpuSeconds: number;
  /** VmRSS, bytes. */
  readonly rssBytes: number;
}

/** `getconf CLK_TCK` on Linux; the kernel reports utime/stime in these ticks. */
export const CLOCK_TICKS_PER_SECOND = 100;

/**
 * utime + stime from a /proc/<pid>/stat line, in clock ticks. The command name (field 2) may
 * hold spaces and parentheses, so fields are counted from the last `)`.
 */
export function parseStatTicks(stat: string): number {
  const close = stat.lastIndexOf(')');
  if (close < 0) throw new Error(`not a /proc/<pid>/stat line: ${JSON.stringify(stat.slice(0, 80))}`);
  // After ")": field 3 (state) is index 0, so utime (field 14) is index 11 and stime index 12.
  const rest = stat.slice(close + 2).split(' ');
  const utime = Number(rest[11]);
  const stime = Number(rest[12]);
  if (!Number.isFinite(utime) || !Number.isFinite(stime)) throw new Error('utime/stime missing from /proc/<pid>/stat');
  return utime + stime;
}

/** VmRSS from /proc/<pid>/status, in bytes. */
export function parseStatusRss(status: string): number {
  const m = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status);
  if (!m) throw new Error('VmRSS missing from /proc/<pid>/status');
  return Number(m[1]) * 1024;
}

/** Reads the process's CPU seconds and RSS now. */
export function readProcStats(pid: number): ProcStats {
  const ticks = parseStatTicks(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  return { cpuSeconds: ticks / CLOCK_TICKS_PER_SECOND, rssBytes: parseStatusRss(readFileSync(`/proc/${pid}/status`, 'utf8')) };
}
