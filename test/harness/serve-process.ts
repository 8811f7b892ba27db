import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { pollUntil } from './poll.js';

const ROOT = join(import.meta.dirname, '..', '..');

export interface ServeProcess {
  readonly child: ChildProcess;
  readonly grpcPort: number;
  readonly httpPort: number | undefined;
  readonly metricsPort: number;
  stderr(): string;
  /** Sends `signal` and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Runs `roost <args>` from source in its own process (free ports parsed from its log). */
export function runRoost(args: string[], env: Record<string, string | undefined> = {}): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src', 'main.ts'), ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/**
 * Starts `roost serve` and resolves once it logged its gRPC and metrics ports — or, with
 * `untilMetrics`, its metrics port only (a process still waiting for a dependency before it
 * serves; `grpcPort` throws until it is listening).
 */
export async function startServeProcess(dataDir: string, env: Record<string, string | undefined> = {}, extraArgs: string[] = [], opts: { untilMetrics?: boolean } = {}): Promise<ServeProcess> {
  const child = runRoost(['serve', '--data-dir', dataDir, '--host', '127.0.0.1', '--grpc-port', '0', '--http-port', '0', '--metrics-port', '0', ...extraArgs], env);
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  child.stdout!.resume();
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const port = (name: string) => {
    const m = new RegExp(`"msg":"${name} listening on [^"]*:(\\d+)"`).exec(err);
    return m ? Number(m[1]) : undefined;
  };
  // A generous deadline (a busy shared machine takes tens of seconds to load the sources); a
  // process that missed it is killed, so no child outlives a failed start.
  try {
    await pollUntil(() => (opts.untilMetrics || port('grpc') !== undefined) && port('metrics') !== undefined, { timeoutMs: 120_000, what: 'serve to log its ports' });
  } catch (e) {
    child.kill('SIGKILL');
    throw new Error(`${(e as Error).message}: ${err}`);
  }
  return {
    child,
    get grpcPort() {
      const p = port('grpc');
      if (p === undefined) throw new Error('serve is not listening for gRPC yet');
      return p;
    },
    httpPort: port('http'),
    metricsPort: port('metrics')!,
    stderr: () => err,
    async stop(signal = 'SIGTERM') {
      child.kill(signal);
      return exited;
    },
  };
}
