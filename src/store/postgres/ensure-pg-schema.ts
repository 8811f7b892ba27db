import pg from 'pg';
import { PG_CONNECT_TIMEOUT_MS } from './create-pg-pool.js';

/** Creates the schema if missing, on a short-lived connection of its own. */
export async function ensurePgSchema(dsn: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: dsn, connectionTimeoutMillis: PG_CONNECT_TIMEOUT_MS });
  // A connection lost mid-way also rejects the pending call; unheard, the event would end the process.
  client.on('error', () => undefined);
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  } catch (err) {
    // Two first starts racing: the loser's IF NOT EXISTS can still hit the catalog's unique index.
    if ((err as { code?: string }).code !== '23505') throw err;
  } finally {
    // Ending a connection that already died must not hide why it died.
    await client.end().catch(() => undefined);
  }
}
