import pg from 'pg';

/** Creates the schema if missing, on a short-lived connection of its own. */
export async function ensurePgSchema(dsn: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: dsn });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  } catch (err) {
    // Two first starts racing: the loser's IF NOT EXISTS can still hit the catalog's unique index.
    if ((err as { code?: string }).code !== '23505') throw err;
  } finally {
    await client.end();
  }
}
