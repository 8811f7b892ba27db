import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pollUntil } from '../test/harness/poll.js';
import { promValue } from './prom-text.js';
import { readProcStats, type ProcStats } from './proc-stats.js';

const ROOT = join(import.meta.dirname, '..');

/** What the server logged that the benchmark watches for. */
export interface ServerLogCounts {
  /** "Sync fast path disabled" because the switch could not be read (e.g. a Redis read timed out under load). */
  fastPathReadFailures: number;
  /** Lines at level error (50) or fatal (60). */
  errors: number;
  /** The first few such lines, verbatim. */
  readonly samples: string[];
}

export interface ServerUnderTestOptions {
  readonly dataDir: string;
  readonly env: Readonly<Record<string, string>>;
  /** When set, the server runs with `--cpu-prof` and writes its profile here on exit. */
  readonly cpuProfDir?: string;
  /** More `roost serve` options (e.g. `--config FILE`). */
  readonly serveArgs?: readonly string[];
}

/**
 * `roost serve` from source in its own process, so its CPU and memory are measured apart
 * from the generator's. Same command line as the harness's `startServeProcess`, which has no
 * way to pass node flags; `--cpu-prof` is refused in NODE_OPTIONS, hence this spawn.
 */
export class ServerUnderTest {
  private constructor(
    private readonly child: ChildProcess,
    readonly grpcPort: number,
    readonly metricsPort: number,
    /** The REST admin API's port; undefined when the server does not log one. */
    readonly httpPort: number | undefined,
    private readonly log: () => string,
    private readonly exited: Promise<number | null>,
    /** Counted over the whole log as it streams in (the kept text is only head and tail). */
    readonly logCounts: ServerLogCounts,
  ) {}

  /** `--server dist`: every server of the run starts from the dist/ build instead of src/ under tsx. */
  static fromDist = false;

  static async start(opts: ServerUnderTestOptions): Promise<ServerUnderTest> {
    const nodeArgs = opts.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${opts.cpuProfDir}`] : [];
    const entry = ServerUnderTest.fromDist ? [join(ROOT, 'dist', 'main.js')] : ['--import', 'tsx', join(ROOT, 'src', 'main.ts')];
    if (ServerUnderTest.fromDist && !existsSync(entry[0]!)) throw new Error('--server dist: no dist/main.js, run npm run build first');
    const args = [...nodeArgs, ...entry, 'serve', '--data-dir', opts.dataDir, '--host', '127.0.0.1', '--grpc-port', '0', '--http-port', '0', '--metrics-port', '0', ...(opts.serveArgs ?? [])];
    const child = spawn(process.execPath, args, { cwd: ROOT, env: { PATH: process.env.PATH, HOME: process.env.HOME, ...opts.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    let partial = '';
    const counts: ServerLogCounts = { fastPathReadFailures: 0, errors: 0, samples: [] };
    const watch = (line: string) => {
      const disabled = line.includes('Sync fast path disabled') && line.includes('"cause":"read error"');
      const error = /"level":(50|60)\b/.test(line);
      if (disabled) counts.fastPathReadFailures++;
      if (error) counts.errors++;
      if ((disabled || error) && counts.samples.length < 5) counts.samples.push(line.slice(0, 400));
    };
    // Keep the head (ports, start-up) and a bounded tail: a long run must not grow without limit.
    const append = (d: Buffer) => {
      const lines = (partial + d.toString()).split('\n');
      partial = lines.pop() ?? '';
      lines.forEach(watch);
      log += d.toString();
      if (log.length > 200_000) log = log.slice(0, 20_000) + '\n…\n' + log.slice(-100_000);
    };
    child.stderr!.on('data', append);
    child.stdout!.on('data', append);
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const port = (name: string) => {
      const m = new RegExp(`"msg":"${name} listening on [^"]*:(\\d+)"`).exec(log);
      return m ? Number(m[1]) : undefined;
    };
    let exitCode: number | null | undefined;
    void exited.then((c) => (exitCode = c ?? -1));
    await pollUntil(() => exitCode !== undefined || (port('grpc') !== undefined && port('metrics') !== undefined), { timeoutMs: 120_000, intervalMs: 20, what: 'roost serve to log its ports' });
    if (exitCode !== undefined) throw new Error(`roost serve exited ${exitCode} at start-up: ${log}`);
    return new ServerUnderTest(child, port('grpc')!, port('metrics')!, port('http'), () => log, exited, counts);
  }

  get pid(): number {
    return this.child.pid!;
  }

  get target(): string {
    return `127.0.0.1:${this.grpcPort}`;
  }

  /** CPU seconds and RSS of the server process now (/proc). */
  stats(): ProcStats {
    return readProcStats(this.pid);
  }

  /** The server's log so far (head and tail). */
  logText(): string {
    return this.log();
  }

  /**
   * One /metrics scrape. A network error is tried again (twice): fetch reuses an idle
   * keep-alive connection, and a server busy for seconds may close it just as it is reused.
   */
  async metrics(): Promise<string> {
    for (let attempt = 1; ; attempt++) {
      let res: Response;
      try {
        res = await fetch(`http://127.0.0.1:${this.metricsPort}/metrics`);
      } catch (err) {
        if (attempt >= 3) throw err;
        continue;
      }
      if (!res.ok) throw new Error(`/metrics answered ${res.status}`);
      return res.text();
    }
  }

  async metric(name: string, labels: Readonly<Record<string, string>> = {}): Promise<number> {
    return promValue(await this.metrics(), name, labels) ?? 0;
  }

  /** Polls /metrics until `name` satisfies `ok`. */
  async waitMetric(name: string, ok: (v: number) => boolean, opts: { timeoutMs: number; labels?: Record<string, string> }): Promise<number> {
    let last = NaN;
    await pollUntil(
      async () => {
        last = await this.metric(name, opts.labels);
        return ok(last);
      },
      { timeoutMs: opts.timeoutMs, intervalMs: 50, what: `${name} (last ${last})` },
    );
    return last;
  }

  /** SIGTERM and wait for exit (the server stops gracefully and writes its CPU profile). */
  async stop(timeoutMs = 60_000): Promise<number | null> {
    if (this.child.exitCode !== null) return this.child.exitCode;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), timeoutMs);
    const code = await this.exited;
    clearTimeout(timer);
    return code;
  }
}
