import { PostgresAdapter, type Kysely, type Migration } from 'kysely';

/**
 * `audit_events`: the audit log (upstream's activity store), in the same database as the rest so
 * an event commits with the change it describes. IDs increase (SQLite AUTOINCREMENT, PostgreSQL
 * identity): the API shows them as upstream does, and never reuses one after a prune. Listing is
 * by account, newest first; pruning is by time.
 */
export const auditEvents: Migration = {
  async up(db: Kysely<any>): Promise<void> {
    const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
    await db.schema
      .createTable('audit_events')
      .addColumn('id', postgres ? 'bigint' : 'integer', (c) =>
        postgres ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement(),
      )
      .addColumn('account_id', 'text', (c) => c.notNull())
      .addColumn('timestamp', 'bigint', (c) => c.notNull())
      .addColumn('activity', 'integer', (c) => c.notNull())
      .addColumn('initiator_id', 'text', (c) => c.notNull())
      .addColumn('target_id', 'text', (c) => c.notNull())
      .addColumn('meta', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('audit_events_account_id').on('audit_events').columns(['account_id', 'id']).execute();
    await db.schema.createIndex('audit_events_timestamp').on('audit_events').column('timestamp').execute();
  },
  async down(db: Kysely<any>): Promise<void> {
    await db.schema.dropTable('audit_events').execute();
  },
};
