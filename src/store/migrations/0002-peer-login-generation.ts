import type { Kysely, Migration } from 'kysely';

/**
 * `peers.login_generation`: counts the peer's Logins. A fast-path cache entry carries the
 * generation it was written in, so an entry that a Login could not delete (the cache was
 * unreachable) never answers the next Sync. Existing peers start at 0, as do entries written
 * before this column existed.
 */
export const peerLoginGeneration: Migration = {
  async up(db: Kysely<any>): Promise<void> {
    await db.schema.alterTable('peers').addColumn('login_generation', 'bigint', (c) => c.notNull().defaultTo(0)).execute();
  },
  async down(db: Kysely<any>): Promise<void> {
    await db.schema.alterTable('peers').dropColumn('login_generation').execute();
  },
};
