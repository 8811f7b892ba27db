/**
 * The engines every store suite runs on (STYLE.md habit 9): SQLite in a temp-dir file, and
 * PostgreSQL in a schema of its own per test file, dropped afterwards. An unreachable
 * PostgreSQL skips its runs with the reason printed — and fails the file when CI=true.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openStore, type Store } from '../../src/store/index.js';

export const PG_DSN = process.env['NB_STORE_ENGINE_POSTGRES_DSN'] || 'postgres://postgres@127.0.0.1:5432/test';

export interface StoreEngine {
  readonly name: 'sqlite' | 'postgres';
  /** Reason to skip, or false. */
  readonly skip: string | false;
  /** Opens and migrates a fresh store; `cleanup` closes it and removes its data. */
  open(): Promise<Store>;
  cleanup(): Promise<void>;
}

async function probePostgres(): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: PG_DSN, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query('select 1');
    return undefined;
  } catch (err) {
    return `PostgreSQL at ${PG_DSN} unreachable: ${(err as Error).message}`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function sqliteEngine(): StoreEngine {
  let dir: string | undefined;
  let store: Store | undefined;
  return {
    name: 'sqlite',
    skip: false,
    async open() {
      dir = mkdtempSync(join(tmpdir(), 'roost-store-'));
      store = await openStore({ engine: 'sqlite', file: join(dir, 'store.db') });
      await store.migrate();
      return store;
    },
    async cleanup() {
      await store?.close();
      if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
    },
  };
}

function postgresEngine(label: string, skip: string | false): StoreEngine {
  const schema = `roost_test_${label}_${randomBytes(4).toString('hex')}`;
  let store: Store | undefined;
  return {
    name: 'postgres',
    skip,
    async open() {
      store = await openStore({ engine: 'postgres', dsn: PG_DSN, schema });
      await store.migrate();
      return store;
    },
    async cleanup() {
      await store?.close();
      const client = new pg.Client({ connectionString: PG_DSN });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    },
  };
}

/** The engines for one test file; `label` (lower-case word) names its PostgreSQL schema. */
export async function storeEngines(label: string): Promise<StoreEngine[]> {
  const unreachable = await probePostgres();
  if (unreachable !== undefined) {
    if (process.env['CI'] === 'true') throw new Error(`${unreachable} (required when CI=true)`);
    console.log(`# skipping postgres store runs: ${unreachable}`);
  }
  return [sqliteEngine(), postgresEngine(label, unreachable ?? false)];
}
