import type { Kysely, Migration } from 'kysely';

/**
 * `user_invites` (IDENTITY.md §5.2): pending invite links of the embedded IdP. Only the hash of
 * a link's token is kept (unique, the public accept page looks invites up by it); one invite per
 * e-mail and account.
 */
export const userInvites: Migration = {
  async up(db: Kysely<any>): Promise<void> {
    await db.schema
      .createTable('user_invites')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('account_id', 'text', (c) => c.notNull())
      .addColumn('email', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('auto_groups', 'text', (c) => c.notNull())
      .addColumn('hashed_token', 'text', (c) => c.notNull().unique())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addUniqueConstraint('user_invites_account_email', ['account_id', 'email'])
      .execute();
  },
  async down(db: Kysely<any>): Promise<void> {
    await db.schema.dropTable('user_invites').execute();
  },
};
