import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { InProcessChangeBus } from '../../src/domain/change-bus.js';
import { systemClock } from '../../src/domain/clock.js';
import { createDomainServices } from '../../src/domain/create-domain-services.js';
import { xidGenerator } from '../../src/domain/id-generator.js';
import { openStore } from '../../src/store/index.js';
import { ServerUnderTest } from '../server-under-test.js';

/** The PostgreSQL the replicas scenario creates its database on (same variable as the tests). */
const PG_DSN = process.env['NB_STORE_ENGINE_POSTGRES_DSN'] || 'postgres://postgres@127.0.0.1:5432/test';

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_DSN });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** N `roost serve` processes on one fresh PostgreSQL database and one Redis (bus, cache, switch). */
export interface ReplicaServers {
  /** Slot i's process; undefined once killed. */
  readonly servers: (ServerUnderTest | undefined)[];
  /** Reusable setup key of the seeded account. */
  readonly setupKey: string;
  /** Personal access token of its owner (REST). */
  readonly token: string;
  /** The processes still running. */
  live(): ServerUnderTest[];
  /** `kill -9` of slot i; resolves once it is gone. */
  kill(i: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * Creates a database, seeds the default account (allow-all), a reusable setup key and a token,
 * then starts `count` processes one after another, sharing the change bus (a prefix of this run),
 * the peer-sync cache and the fast-path switch on `redisAddress` — the deployment of the README.
 */
export async function startReplicaServers(opts: { count: number; redisAddress: string; env: Readonly<Record<string, string>> }): Promise<ReplicaServers> {
  const tag = randomBytes(4).toString('hex');
  const database = `roost_bench_replicas_${tag}`;
  await admin(`CREATE DATABASE ${database}`);
  const u = new URL(PG_DSN);
  u.pathname = `/${database}`;
  const dsn = u.toString();
  const dirs: string[] = [];
  const servers: (ServerUnderTest | undefined)[] = [];
  const close = async () => {
    await Promise.all(servers.map((s) => s?.stop().catch(() => undefined)));
    await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  };
  try {
    const store = await openStore({ engine: 'postgres', dsn });
    let seeded: { setupKey: string; token: string };
    try {
      await store.migrate();
      const services = createDomainServices({ store, bus: new InProcessChangeBus(), clock: systemClock, ids: xidGenerator });
      const { account, owner } = await services.ensureDefaultAccount();
      const key = await services.setupKeys.create(account.id, { name: 'bench', type: 'reusable', expiresIn: 0, usageLimit: 0, autoGroups: [], ephemeral: false, allowExtraDnsLabels: false });
      const { plainToken } = await services.tokens.create(account.id, owner.id, { name: 'bench', expiresInDays: 1 });
      seeded = { setupKey: key.plainKey, token: plainToken };
    } finally {
      await store.close();
    }
    const env = {
      NB_STORE_ENGINE: 'postgres',
      NB_STORE_ENGINE_POSTGRES_DSN: dsn,
      NB_CHANGE_BUS_REDIS_ADDRESS: opts.redisAddress,
      NB_CHANGE_BUS_REDIS_PREFIX: `roost-bench-${tag}`,
      NB_CACHE_REDIS_ADDRESS: opts.redisAddress,
      ...opts.env,
    };
    for (let i = 0; i < opts.count; i++) {
      const dataDir = mkdtempSync(join(tmpdir(), `roost-bench-replica-${i}-`));
      dirs.push(dataDir);
      servers.push(await ServerUnderTest.start({ dataDir, env }));
    }
    return {
      servers,
      ...seeded,
      live: () => servers.filter((s): s is ServerUnderTest => s !== undefined),
      async kill(i) {
        const s = servers[i];
        servers[i] = undefined;
        if (!s) return;
        process.kill(s.pid, 'SIGKILL');
        await s.stop(); // resolves with the exit of the killed process
      },
      close,
    };
  } catch (err) {
    await close().catch(() => undefined);
    throw err;
  }
}
