import type { Kysely } from 'kysely';
import type { Account, AccountSnapshot, Peer } from '../domain/model.js';
import type { DomainStore } from '../domain/ports/domain-store.js';
import type { EngineTraits } from './engine-traits.js';
import { loadAccountSnapshot } from './load-account-snapshot.js';
import { runMigrations } from './migrations/run-migrations.js';
import { accountFromRow } from './rows/account-row.js';
import { peerFromRow } from './rows/peer-row.js';
import { createRepositories } from './repositories/create-repositories.js';
import type { Database } from './schema/database.js';
import { guardRepository } from './guard-repository.js';
import { translateDbError } from './translate-db-error.js';

/**
 * The persistent store: the domain's port (transactions + repositories) plus the cheap reads
 * the Sync hot path makes outside any transaction. Transactions must not nest: on SQLite the
 * inner one would wait for the outer one's connection forever.
 */
export interface Store extends DomainStore {
  readonly engine: EngineTraits['engine'];
  /** Creates or upgrades the schema; idempotent. */
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** One indexed query on the globally unique key; undefined when unknown. */
  findPeerByKey(key: string): Promise<Peer | undefined>;
  /** One primary-key query; undefined when the account does not exist. */
  getAccountSerial(accountId: string): Promise<number | undefined>;
  getAccount(id: string): Promise<Account | undefined>;
  /** Every collection of the account at one serial (a read-only transaction); NotFound if missing. */
  loadAccountSnapshot(accountId: string): Promise<AccountSnapshot>;
}

export interface StoreParts {
  readonly db: Kysely<Database>;
  readonly traits: EngineTraits;
  /** PostgreSQL schema the migrator's bookkeeping tables belong to. */
  readonly migrationSchema: string | undefined;
}

/**
 * Builds the Store over an opened Kysely instance. Every method leaves with driver errors
 * translated (a lost connection is `Unavailable`), like the repositories.
 */
export function createStore({ db, traits, migrationSchema }: StoreParts): Store {
  const repos = createRepositories(db, traits);
  return guardRepository<Store>({
    engine: traits.engine,
    repos,
    async withTx(fn) {
      try {
        return await db.transaction().execute((trx) => fn(createRepositories(trx, traits)));
      } catch (err) {
        throw translateDbError(err);
      }
    },
    migrate: () => runMigrations(db as Kysely<unknown>, migrationSchema),
    close: () => db.destroy(),
    async findPeerByKey(key) {
      const row = await db.selectFrom('peers').selectAll().where('key', '=', key).executeTakeFirst();
      return row === undefined ? undefined : peerFromRow(row);
    },
    async getAccountSerial(accountId) {
      const row = await db.selectFrom('accounts').select('network_serial').where('id', '=', accountId).executeTakeFirst();
      return row?.network_serial;
    },
    async getAccount(id) {
      const row = await db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
      return row === undefined ? undefined : accountFromRow(row);
    },
    loadAccountSnapshot(accountId) {
      return db
        .transaction()
        .setIsolationLevel('repeatable read')
        .setAccessMode('read only')
        .execute((trx) => loadAccountSnapshot(createRepositories(trx, traits), accountId));
    },
  });
}
