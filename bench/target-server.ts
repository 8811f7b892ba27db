import { promValue } from './prom-text.js';
import { readProcStats, type ProcStats } from './proc-stats.js';
import type { TargetArgs } from './bench-args.js';

/**
 * An already running NetBird-compatible management server (`--target`), reached only through
 * what any deployment exposes: gRPC, optionally its process in /proc, its /metrics and its
 * REST API. The counterpart of ServerUnderTest for a server the bench did not start; every
 * reading it cannot take is `null` ("not measured"), never a guess.
 */
export class TargetServer {
  constructor(private readonly args: TargetArgs) {}

  /** Fails early when --server-pid names no process (a typo would otherwise read as "not measured"). */
  static open(args: TargetArgs): TargetServer {
    if (args.serverPid !== undefined) {
      try {
        readProcStats(args.serverPid);
      } catch {
        throw new Error(`--server-pid ${args.serverPid}: no such process readable in /proc`);
      }
    }
    return new TargetServer(args);
  }

  get target(): string {
    return this.args.address;
  }

  get pid(): number | undefined {
    return this.args.serverPid;
  }

  /** /proc readings; only when a PID was given (callers check `pid` first). */
  stats(): ProcStats {
    if (this.args.serverPid === undefined) throw new Error('no --server-pid: CPU and RSS are not measured');
    return readProcStats(this.args.serverPid);
  }

  /** One scrape, or undefined without --metrics-url. */
  async metrics(): Promise<string | undefined> {
    if (!this.args.metricsUrl) return undefined;
    const res = await fetch(this.args.metricsUrl, { signal: AbortSignal.timeout(10_000) });
    if (!res.ok) throw new Error(`${this.args.metricsUrl} answered ${res.status}`);
    return res.text();
  }

  /** Server CPU seconds: /proc with a PID, else the standard process_cpu_seconds_total, else null. */
  async cpuSeconds(): Promise<number | null> {
    if (this.args.serverPid !== undefined) return this.stats().cpuSeconds;
    const text = await this.metrics();
    return text === undefined ? null : (promValue(text, 'process_cpu_seconds_total') ?? null);
  }

  /** Server RSS bytes: /proc with a PID, else process_resident_memory_bytes, else null. */
  async rssBytes(): Promise<number | null> {
    if (this.args.serverPid !== undefined) return this.stats().rssBytes;
    const text = await this.metrics();
    return text === undefined ? null : (promValue(text, 'process_resident_memory_bytes') ?? null);
  }
}
