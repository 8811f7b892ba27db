import { parseArgs } from 'node:util';
import type { VerifyMode } from './bench-peer.js';
import type { ConnectionMode } from './channel-pool.js';
import type { PolicyMode } from './seed-bench-account.js';

export interface BenchArgs {
  readonly peers: readonly number[];
  readonly modes: readonly PolicyMode[];
  /** Set-ups in flight during connects and storms; undefined = all peers at once. */
  readonly concurrency: number | undefined;
  readonly registerConcurrency: number;
  readonly singleReconnects: number;
  readonly deadlineMs: number;
  readonly connections: ConnectionMode;
  readonly newConnections: boolean;
  readonly verify: VerifyMode;
  readonly fanOutChange: 'policy' | 'peer';
  readonly redisAddress: string;
  /** Run `roost serve` from source under tsx, or the build in dist/ (what operators run). */
  readonly server: 'source' | 'dist';
  /** CPU-profile the server of every case into this directory. */
  readonly profileDir: string | undefined;
  readonly jsonFile: string | undefined;
  /**
   * Run only the replicas scenario (issue #15) with this many `roost serve` processes on one
   * PostgreSQL + Redis, for each --peers count; undefined = the single-process cases.
   */
  readonly replicas: number | undefined;
  /** Drive an already running server instead of spawning `roost serve` (see TargetArgs). */
  readonly target: TargetArgs | undefined;
  /** Run only the in-process Networks computation scenario (bench/scenarios/networks-compute.ts). */
  readonly networks: boolean;
  readonly help: boolean;
}

/** `--target` mode: any NetBird-compatible management server, reached only over its public interfaces. */
export interface TargetArgs {
  /** gRPC `host:port` of the management server. */
  readonly address: string;
  /** A reusable setup key of the account the bench peers join. */
  readonly setupKey: string;
  /** The server's process id, for CPU and RSS from /proc; undefined = not measured. */
  readonly serverPid: number | undefined;
  /** Prometheus text endpoint of the server; undefined = no scrape. */
  readonly metricsUrl: string | undefined;
  /** The NetBird REST API (`…/api`) and a personal access token, for the fan-out's policy change. */
  readonly api: { readonly url: string; readonly token: string } | undefined;
}

export const BENCH_USAGE = `Usage: npm run bench -- [options]

Load-tests \`roost serve\` (its own process) with simulated NetBird peers and prints one table.

  --quick                  N = 100 only, 20 single reconnects, 60 s deadlines (CI smoke check)
  --peers 100,1000,5000    peer counts                                  [100,1000,5000]
  --modes allow-all,groups policy modes                                 [allow-all,groups]
  --concurrency K          Sync set-ups in flight in connects/storms    [all peers at once]
  --register-concurrency K Logins in flight while registering           [50]
  --single K               sequential reconnects of one peer            [50]
  --deadline S             seconds any one phase may take before it is an error [600]
  --connections per-peer|K one HTTP/2 connection per peer, or K shared  [per-peer]
  --new-connections        storms also close and re-dial each peer's connection
  --verify all|sample      open (MAC-check) every Sync response, or every one up to 64 KiB
                           plus 1 peer in 16 and only peek the serial of the rest [sample]
  --fan-out-change policy|peer  the change fanned out: a policy's description over REST, or
                           one more peer registered over gRPC                [policy]
  --redis HOST:PORT        Redis holding the fast-path switch           [127.0.0.1:6379]
  --server source|dist     roost serve from src/ under tsx, or the dist/ build (npm run build
                           first; tsx adds ≈ 60 MiB to every RSS figure)  [source]
  --profile DIR            run the server with --cpu-prof into DIR; print top self-time per phase
  --json FILE              also write every measurement as JSON
  --networks               only the in-process Networks scenario: map time per peer and the
                           fan-out of one resource change, with and without 50 networks
                           (uses the largest --peers; default 5000)
  --replicas R             only the replicas scenario: R processes (>= 2) on one PostgreSQL
                           (NB_STORE_ENGINE_POSTGRES_DSN) + the --redis Redis, peers spread
                           over them: cold connect, fan-out of one REST change, kill -9 of one
                           process (e.g. --replicas 3 --peers 5000)

Against an already running NetBird-compatible management server (Roost or upstream's):
  --target HOST:PORT       its gRPC address; the bench does not start, seed or stop it
  --setup-key KEY          reusable setup key the bench peers register with (required)
  --server-pid PID         its process, for CPU and RSS from /proc   [not measured]
  --metrics-url URL        its Prometheus endpoint (Sync paths, CPU/RSS without a PID)
  --api-url URL            its REST API, e.g. http://HOST:33071/api, with --api-token: the
  --api-token TOKEN        fan-out changes the first policy's description [not measured]
  With --target, --peers takes one count [100]; --modes, --redis and --profile do not apply,
  and --fan-out-change peer fans out one more registration instead of a policy change.
`;

const positiveInt = (v: string, name: string): number => {
  if (!/^\d+$/.test(v) || Number(v) < 1) throw new Error(`${name}: expected a positive integer, got ${JSON.stringify(v)}`);
  return Number(v);
};

const MODES: readonly PolicyMode[] = ['allow-all', 'groups'];

/** Parses the bench's command line; throws with the offending option on a bad value. */
export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      quick: { type: 'boolean' },
      peers: { type: 'string' },
      modes: { type: 'string' },
      concurrency: { type: 'string' },
      'register-concurrency': { type: 'string' },
      single: { type: 'string' },
      deadline: { type: 'string' },
      connections: { type: 'string' },
      'new-connections': { type: 'boolean' },
      verify: { type: 'string' },
      'fan-out-change': { type: 'string' },
      redis: { type: 'string' },
      server: { type: 'string' },
      profile: { type: 'string' },
      json: { type: 'string' },
      replicas: { type: 'string' },
      target: { type: 'string' },
      'setup-key': { type: 'string' },
      'server-pid': { type: 'string' },
      'metrics-url': { type: 'string' },
      'api-url': { type: 'string' },
      'api-token': { type: 'string' },
      networks: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  const quick = values.quick ?? false;
  const target = parseTargetArgs(values);
  const peers = values.peers ? values.peers.split(',').map((p) => positiveInt(p.trim(), '--peers')) : quick || target ? [100] : [100, 1000, 5000];
  if (target && peers.length !== 1) throw new Error('--peers: with --target give one peer count (every run adds its peers to the account)');
  const modes = (values.modes ?? MODES.join(',')).split(',').map((m) => m.trim());
  for (const m of modes) if (!MODES.includes(m as PolicyMode)) throw new Error(`--modes: ${JSON.stringify(m)} is not one of ${MODES.join(', ')}`);
  const conn = values.connections ?? 'per-peer';
  const verify = values.verify ?? 'sample';
  if (verify !== 'all' && verify !== 'sample') throw new Error(`--verify: expected all or sample, got ${JSON.stringify(verify)}`);
  const server = values.server ?? 'source';
  if (server !== 'source' && server !== 'dist') throw new Error(`--server: expected source or dist, got ${JSON.stringify(server)}`);
  const fanOutChange = values['fan-out-change'] ?? 'policy';
  const replicas = values.replicas === undefined ? undefined : positiveInt(values.replicas, '--replicas');
  if (replicas !== undefined && replicas < 2) throw new Error('--replicas: expected at least 2 processes');
  if (replicas !== undefined && target) throw new Error('--replicas does not apply with --target');
  if (fanOutChange !== 'policy' && fanOutChange !== 'peer') throw new Error(`--fan-out-change: expected policy or peer, got ${JSON.stringify(fanOutChange)}`);
  return {
    peers,
    modes: modes as PolicyMode[],
    concurrency: values.concurrency === undefined ? undefined : positiveInt(values.concurrency, '--concurrency'),
    registerConcurrency: positiveInt(values['register-concurrency'] ?? '50', '--register-concurrency'),
    singleReconnects: positiveInt(values.single ?? (quick ? '20' : '50'), '--single'),
    deadlineMs: positiveInt(values.deadline ?? (quick ? '60' : '600'), '--deadline') * 1000,
    connections: conn === 'per-peer' ? { kind: 'per-peer' } : { kind: 'shared', connections: positiveInt(conn, '--connections') },
    newConnections: values['new-connections'] ?? false,
    verify,
    fanOutChange,
    redisAddress: values.redis ?? '127.0.0.1:6379',
    server,
    profileDir: values.profile,
    jsonFile: values.json,
    replicas,
    target,
    networks: values.networks ?? false,
    help: values.help ?? false,
  };
}

/** Options that need --target, and options that make no sense with it. */
const TARGET_ONLY = ['setup-key', 'server-pid', 'metrics-url', 'api-url', 'api-token'] as const;
const NOT_WITH_TARGET = ['modes', 'redis', 'profile', 'server'] as const;

const httpUrl = (v: string, name: string): string => {
  let u: URL;
  try {
    u = new URL(v);
  } catch {
    throw new Error(`${name}: not a URL: ${JSON.stringify(v)}`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error(`${name}: expected an http(s) URL, got ${JSON.stringify(v)}`);
  return v.replace(/\/+$/, '');
};

/** The --target group of options, checked together; undefined without --target. */
function parseTargetArgs(values: Readonly<Record<string, string | boolean | undefined>>): TargetArgs | undefined {
  const str = (name: string) => values[name] as string | undefined;
  const address = str('target');
  if (address === undefined) {
    const stray = TARGET_ONLY.find((o) => values[o] !== undefined);
    if (stray) throw new Error(`--${stray} needs --target HOST:PORT`);
    return undefined;
  }
  const m = /^(?:\[[0-9a-fA-F:.]+\]|[^\s:/\[\]]+):(\d{1,5})$/.exec(address);
  if (!m || Number(m[1]) < 1 || Number(m[1]) > 65535) throw new Error(`--target: expected HOST:PORT, got ${JSON.stringify(address)}`);
  const clash = NOT_WITH_TARGET.find((o) => values[o] !== undefined);
  if (clash) throw new Error(`--${clash} does not apply with --target (the bench neither seeds nor restarts a foreign server)`);
  const setupKey = str('setup-key');
  if (!setupKey) throw new Error('--target needs --setup-key KEY (a reusable setup key of the account the bench peers join)');
  const url = str('api-url');
  const token = str('api-token');
  if ((url === undefined) !== (token === undefined)) throw new Error('--api-url and --api-token go together');
  if (token !== undefined && token.trim() === '') throw new Error('--api-token: empty');
  if (values['fan-out-change'] === 'policy' && url === undefined) throw new Error('--fan-out-change policy with --target needs --api-url and --api-token');
  const pid = str('server-pid');
  const metrics = str('metrics-url');
  return {
    address,
    setupKey,
    serverPid: pid === undefined ? undefined : positiveInt(pid, '--server-pid'),
    metricsUrl: metrics === undefined ? undefined : httpUrl(metrics, '--metrics-url'),
    api: url === undefined ? undefined : { url: httpUrl(url, '--api-url'), token: token! },
  };
}
