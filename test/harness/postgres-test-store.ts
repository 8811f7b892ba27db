/**
 * A private PostgreSQL schema for one integration test: an opened (not yet migrated) store to
 * hand to `startTestServer({ overrides: { store } })`, and `drop()` to remove the schema once
 * the server has stopped (the app closes the store itself).
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openStore, type Store } from '../../src/store/index.js';

/** The DSN tests use: env `NB_STORE_ENGINE_POSTGRES_DSN`, else the local trust-auth database. */
export const TEST_PG_DSN = process.env['NB_STORE_ENGINE_POSTGRES_DSN'] || 'postgres://postgres@127.0.0.1:5432/test';

export interface PostgresTestStore {
  readonly store: Store;
  readonly schema: string;
  /** Drops the schema and everything in it. */
  drop(): Promise<void>;
}

/**
 * Why PostgreSQL cannot be used (unreachable), or undefined when it answers. Throws instead when
 * CI=true: a CI run must not silently skip the engine.
 */
export async function postgresSkipReason(): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: TEST_PG_DSN, connectionTimeoutMillis: 2_000 });
  let reason: string | undefined;
  try {
    await client.connect();
    await client.query('select 1');
  } catch (err) {
    reason = `PostgreSQL at ${TEST_PG_DSN} unreachable: ${(err as Error).message}`;
  } finally {
    await client.end().catch(() => undefined);
  }
  if (reason !== undefined && process.env['CI'] === 'true') throw new Error(`${reason} (required when CI=true)`);
  return reason;
}

/** Opens a store in a fresh schema named after `label` (a lower-case word). */
export async function openPostgresTestStore(label: string): Promise<PostgresTestStore> {
  const schema = `roost_it_${label}_${randomBytes(4).toString('hex')}`;
  const store = await openStore({ engine: 'postgres', dsn: TEST_PG_DSN, schema });
  return {
    store,
    schema,
    async drop() {
      const client = new pg.Client({ connectionString: TEST_PG_DSN });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}
