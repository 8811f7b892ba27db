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
  /** CPU-profile the server of every case into this directory. */
  readonly profileDir: string | undefined;
  readonly jsonFile: string | undefined;
  readonly help: boolean;
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
  --profile DIR            run the server with --cpu-prof into DIR; print top self-time per phase
  --json FILE              also write every measurement as JSON
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
      profile: { type: 'string' },
      json: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  const quick = values.quick ?? false;
  const peers = values.peers ? values.peers.split(',').map((p) => positiveInt(p.trim(), '--peers')) : quick ? [100] : [100, 1000, 5000];
  const modes = (values.modes ?? MODES.join(',')).split(',').map((m) => m.trim());
  for (const m of modes) if (!MODES.includes(m as PolicyMode)) throw new Error(`--modes: ${JSON.stringify(m)} is not one of ${MODES.join(', ')}`);
  const conn = values.connections ?? 'per-peer';
  const verify = values.verify ?? 'sample';
  if (verify !== 'all' && verify !== 'sample') throw new Error(`--verify: expected all or sample, got ${JSON.stringify(verify)}`);
  const fanOutChange = values['fan-out-change'] ?? 'policy';
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
    profileDir: values.profile,
    jsonFile: values.json,
    help: values.help ?? false,
  };
}
