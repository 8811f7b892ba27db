import type { Kysely, Migration } from 'kysely';

/**
 * The Networks feature (SEMANTICS.md §1.10): networks, their resources (host, subnet, domain;
 * group memberships as a JSON array of group IDs) and their routers. Every table is read by
 * account; resources and routers also by network.
 */
export const networks: Migration = {
  async up(db: Kysely<any>): Promise<void> {
    const text = 'text';
    await db.schema
      .createTable('networks')
      .addColumn('id', text, (c) => c.primaryKey())
      .addColumn('account_id', text, (c) => c.notNull())
      .addColumn('name', text, (c) => c.notNull())
      .addColumn('description', text, (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('network_resources')
      .addColumn('id', text, (c) => c.primaryKey())
      .addColumn('account_id', text, (c) => c.notNull())
      .addColumn('network_id', text, (c) => c.notNull())
      .addColumn('name', text, (c) => c.notNull())
      .addColumn('description', text, (c) => c.notNull())
      .addColumn('type', text, (c) => c.notNull())
      .addColumn('prefix', text, (c) => c.notNull())
      .addColumn('domain', text, (c) => c.notNull())
      .addColumn('enabled', 'integer', (c) => c.notNull())
      .addColumn('groups', text, (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('network_routers')
      .addColumn('id', text, (c) => c.primaryKey())
      .addColumn('account_id', text, (c) => c.notNull())
      .addColumn('network_id', text, (c) => c.notNull())
      .addColumn('peer', text, (c) => c.notNull())
      .addColumn('peer_groups', text, (c) => c.notNull())
      .addColumn('masquerade', 'integer', (c) => c.notNull())
      .addColumn('metric', 'integer', (c) => c.notNull())
      .addColumn('enabled', 'integer', (c) => c.notNull())
      .execute();
    for (const table of ['networks', 'network_resources', 'network_routers']) {
      await db.schema.createIndex(`${table}_account_idx`).on(table).column('account_id').execute();
    }
    await db.schema.createIndex('network_resources_network_idx').on('network_resources').column('network_id').execute();
    await db.schema.createIndex('network_routers_network_idx').on('network_routers').column('network_id').execute();
  },
  async down(db: Kysely<any>): Promise<void> {
    for (const table of ['network_routers', 'network_resources', 'networks']) await db.schema.dropTable(table).execute();
  },
};
