import type { Kysely, Migration } from 'kysely';

/**
 * `server_secrets`: values every process on the store must share — the WireGuard private key
 * (so GetServerKey answers the same everywhere) and the TURN/relay secret. One row per name,
 * written once (insert-if-absent) and never updated.
 */
export const serverSecrets: Migration = {
  async up(db: Kysely<any>): Promise<void> {
    await db.schema
      .createTable('server_secrets')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<any>): Promise<void> {
    await db.schema.dropTable('server_secrets').execute();
  },
};
