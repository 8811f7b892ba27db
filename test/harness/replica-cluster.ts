/**
 * Several real `roost serve` processes on one private PostgreSQL database and one Redis bus
 * prefix (issue #15), plus the seeding a test needs: the default account, a reusable setup key
 * and an owner token for REST. Each process may reach Redis through its own TcpProxy, so a test
 * can cut one process's bus connection.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createDomainServices } from '../../src/domain/create-domain-services.js';
import { InProcessChangeBus } from '../../src/domain/change-bus.js';
import { systemClock } from '../../src/domain/clock.js';
import { xidGenerator } from '../../src/domain/id-generator.js';
import { parseRedisAddress } from '../../src/shared/redis-address.js';
import { openStore, type Store } from '../../src/store/index.js';
import { TEST_REDIS_ADDRESS } from '../../src/flags/testing/probe-redis.js';
import { TEST_PG_DSN } from './postgres-test-store.js';
import { startServeProcess, type ServeProcess } from './serve-process.js';
import { TcpProxy } from './tcp-proxy.js';
import { generateWgKeyPair } from '../../src/crypto/wg-key.js';
import { RoamingAgent } from './roaming-agent.js';
import { TestAgent, linuxMeta } from './test-agent.js';
import { freePort } from './free-port.js';

/** Logins in flight while registering agents: enough to keep every process busy, few enough for 2 cores. */
const REGISTER_CONCURRENCY = 12;

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_PG_DSN });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export interface ReplicaCluster {
  readonly dsn: string;
  readonly prefix: string;
  /** Store handle of the test itself (reads serials, peers). */
  readonly store: Store;
  readonly accountId: string;
  readonly setupKey: string;
  readonly token: string;
  /** Slot i's process (replaced by `restart`). */
  readonly procs: ServeProcess[];
  /** Slot i's bus proxy. */
  readonly busProxies: TcpProxy[];
  /** Starts (again) the process of slot i, on a fresh data dir; `untilMetrics`: see startServeProcess. */
  start(i: number, opts?: { untilMetrics?: boolean }): Promise<ServeProcess>;
  /** REST call on slot i's process. */
  rest(i: number, method: string, path: string, body?: unknown): Promise<{ status: number; json: any }>;
  serial(): Promise<number>;
  close(): Promise<void>;
}

/** `n` processes; none started yet unless `startAll`. */
export async function createReplicaCluster(
  n: number,
  /** `cacheThroughBusProxy`: each process's peer-sync cache also goes through its bus proxy, so taking the proxy down cuts both. */
  opts: { startAll?: boolean; env?: Record<string, string>; cacheThroughBusProxy?: boolean } = {},
): Promise<ReplicaCluster> {
  const tag = randomBytes(4).toString('hex');
  const database = `roost_replicas_${tag}`;
  await admin(`CREATE DATABASE ${database}`);
  const u = new URL(TEST_PG_DSN);
  u.pathname = `/${database}`;
  const dsn = u.toString();
  const store = await openStore({ engine: 'postgres', dsn });
  await store.migrate();
  const deps = { store, bus: new InProcessChangeBus(), clock: systemClock, ids: xidGenerator };
  const services = createDomainServices(deps);
  const { account, owner } = await services.ensureDefaultAccount();
  const key = await services.setupKeys.create(account.id, { name: 'k', type: 'reusable', expiresIn: 0, usageLimit: 0, autoGroups: [], ephemeral: false, allowExtraDnsLabels: false });
  const { plainToken } = await services.tokens.create(account.id, owner.id, { name: 'replicas', expiresInDays: 1 });
  const prefix = `roost-test-${tag}`;
  const busProxies = Array.from({ length: n }, () => new TcpProxy(parseRedisAddress(TEST_REDIS_ADDRESS)));
  for (const p of busProxies) await p.up();
  const dirs: string[] = [];
  const procs: ServeProcess[] = [];
  const cluster: ReplicaCluster = {
    dsn,
    prefix,
    store,
    accountId: account.id,
    setupKey: key.plainKey.toLowerCase(),
    token: plainToken,
    procs,
    busProxies,
    async start(i, startOpts) {
      const dir = mkdtempSync(join(tmpdir(), 'roost-replica-'));
      dirs.push(dir);
      // An explicit REST port: some configurations (the embedded IdP's issuer) need to know it.
      const proc = await startServeProcess(dir, {
        NB_STORE_ENGINE: 'postgres',
        NB_STORE_ENGINE_POSTGRES_DSN: dsn,
        NB_CHANGE_BUS_REDIS_ADDRESS: `127.0.0.1:${busProxies[i]!.port}`,
        NB_CHANGE_BUS_REDIS_PREFIX: prefix,
        ...opts.env,
        ...(opts.cacheThroughBusProxy ? { NB_CACHE_REDIS_ADDRESS: `127.0.0.1:${busProxies[i]!.port}` } : {}),
      }, ['--http-port', String(await freePort())], startOpts);
      procs[i] = proc;
      return proc;
    },
    async rest(i, method, path, body) {
      const res = await fetch(`http://127.0.0.1:${procs[i]!.httpPort}${path}`, {
        method,
        headers: { authorization: `Token ${plainToken}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, json: text ? JSON.parse(text) : undefined };
    },
    async serial() {
      return (await store.getAccountSerial(account.id)) ?? -1;
    },
    async close() {
      await Promise.all(procs.map((p) => (p.child.exitCode === null && p.child.signalCode === null ? p.stop('SIGKILL') : undefined)));
      await Promise.all(busProxies.map((p) => p.down()));
      await store.close();
      await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      for (const d of dirs) rmSync(d, { recursive: true, force: true });
    },
  };
  if (opts.startAll) {
    // Settled, not all: a failed start must not leave the others starting after close().
    const started = await Promise.allSettled(Array.from({ length: n }, (_, i) => cluster.start(i)));
    const failed = started.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) {
      await cluster.close();
      throw failed.reason;
    }
  }
  return cluster;
}

/**
 * Registers `n` peers with the cluster's setup key, peer i through process i mod N (a bounded
 * number at a time, each worker taking the next peer as soon as its last is done, so one slow
 * Login does not hold up a whole batch), and starts each as a RoamingAgent whose first stream is
 * on that process.
 */
export async function registerAgents(c: ReplicaCluster, n: number, targets = () => c.procs.map((p) => `127.0.0.1:${p.grpcPort}`)): Promise<RoamingAgent[]> {
  const agents: RoamingAgent[] = new Array(n);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < n; i = next++) {
      const keys = generateWgKeyPair();
      const home = i % c.procs.length;
      const list = targets();
      const a = new TestAgent(list[home % list.length]!, { keys });
      try {
        await a.register(c.setupKey, linuxMeta(`peer-${i}`));
      } finally {
        a.close();
      }
      agents[i] = new RoamingAgent(keys, targets, home, `peer-${i}`);
    }
  };
  await Promise.all(Array.from({ length: Math.min(REGISTER_CONCURRENCY, n) }, worker));
  for (const a of agents) a.start();
  return agents;
}
