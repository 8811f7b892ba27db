import type { Kysely, Migration } from 'kysely';

/**
 * Custom DNS zones and their records (SEMANTICS.md §1.12). A zone's domain is unique per
 * account; records are read per zone and, when the account is loaded, per account.
 */
export const dnsZonesGeo: Migration = {
  async up(db: Kysely<any>): Promise<void> {
    await db.schema
      .createTable('dns_zones')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('account_id', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('domain', 'text', (c) => c.notNull())
      .addColumn('enabled', 'integer', (c) => c.notNull())
      .addColumn('enable_search_domain', 'integer', (c) => c.notNull())
      .addColumn('distribution_groups', 'text', (c) => c.notNull())
      .addUniqueConstraint('dns_zones_account_domain', ['account_id', 'domain'])
      .execute();
    await db.schema
      .createTable('dns_records')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('account_id', 'text', (c) => c.notNull())
      .addColumn('zone_id', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('content', 'text', (c) => c.notNull())
      .addColumn('ttl', 'integer', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('dns_records_zone_idx').on('dns_records').columns(['account_id', 'zone_id']).execute();
  },
  async down(db: Kysely<any>): Promise<void> {
    await db.schema.dropTable('dns_records').execute();
    await db.schema.dropTable('dns_zones').execute();
  },
};
