import type { Kysely, Migration } from 'kysely';

/**
 * The embedded OpenID provider's state (src/idp), shared by every process on the store:
 * `idp_signing_keys` — one row per key generation (the primary key makes creating and rotating
 * race-free: two processes inserting the same generation, one wins); `idp_payloads` — the
 * provider library's records (sessions, grants, codes, refresh tokens, interactions) so a
 * restart logs nobody out; `idp_users` — local users with their password hash.
 */
export const embeddedIdp: Migration = {
  async up(db: Kysely<any>): Promise<void> {
    await db.schema
      .createTable('idp_signing_keys')
      .addColumn('generation', 'bigint', (c) => c.primaryKey())
      .addColumn('kid', 'text', (c) => c.notNull().unique())
      .addColumn('private_jwk', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('idp_payloads')
      .addColumn('model', 'text', (c) => c.notNull())
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('grant_id', 'text')
      .addColumn('user_code', 'text')
      .addColumn('uid', 'text')
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .addColumn('consumed_at', 'bigint')
      .addPrimaryKeyConstraint('idp_payloads_pk', ['model', 'id'])
      .execute();
    await db.schema.createIndex('idp_payloads_grant').on('idp_payloads').column('grant_id').execute();
    await db.schema.createIndex('idp_payloads_user_code').on('idp_payloads').columns(['model', 'user_code']).execute();
    await db.schema.createIndex('idp_payloads_uid').on('idp_payloads').columns(['model', 'uid']).execute();
    await db.schema.createIndex('idp_payloads_expires').on('idp_payloads').column('expires_at').execute();
    await db.schema
      .createTable('idp_users')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('email', 'text', (c) => c.notNull().unique())
      .addColumn('username', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<any>): Promise<void> {
    await db.schema.dropTable('idp_users').execute();
    await db.schema.dropTable('idp_payloads').execute();
    await db.schema.dropTable('idp_signing_keys').execute();
  },
};
