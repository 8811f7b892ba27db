import { sql, type Kysely } from 'kysely';
import type { Account, AccountSnapshot, Peer } from '../domain/model.js';
import type { DomainStore } from '../domain/ports/domain-store.js';
import type { EngineTraits } from './engine-traits.js';
import { loadAccountSnapshot } from './load-account-snapshot.js';
import { runMigrations } from './migrations/run-migrations.js';
import { accountFromRow } from './rows/account-row.js';
import { peerFromRow } from './rows/peer-row.js';
import { createRepositories } from './repositories/create-repositories.js';
import { createIdpRepository, type IdpRepository } from './repositories/idp-repository.js';
import { createInviteRepository } from './repositories/invite-repository.js';
import type { InviteStore } from '../domain/users/user-invite.js';
import { createServerSecretRepository, type ServerSecretRepository } from './repositories/server-secret-repository.js';
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
  /** The serials of these accounts in one query; accounts that do not exist are missing. */
  getAccountSerials(accountIds: readonly string[]): Promise<Map<string, number>>;
  /** Every collection of the account at one serial (a read-only transaction); NotFound if missing. */
  loadAccountSnapshot(accountId: string): Promise<AccountSnapshot>;
  /** Secrets every process on the store shares (server key, TURN/relay secret). */
  readonly serverSecrets: ServerSecretRepository;
  /** One trivial query: is the database answering (readiness probe)? */
  ping(): Promise<void>;
  /** The embedded OpenID provider's keys, records and local users (src/idp). */
  readonly idp: IdpRepository;
  /** The embedded IdP's invite links (IDENTITY.md §5.2). */
  readonly invites: InviteStore;
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
    serverSecrets: guardRepository(createServerSecretRepository(db)),
    async ping() {
      await sql`select 1`.execute(db);
    },
    async withTx(fn) {
      try {
        return await db.transaction().execute((trx) => fn(createRepositories(trx, traits)));
      } catch (err) {
        throw translateDbError(err);
      }
    },
    idp: guardRepository(createIdpRepository(db)),
    invites: guardRepository(createInviteRepository(db)),
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
    async getAccountSerials(accountIds) {
      const serials = new Map<string, number>();
      // Chunks keep the bound parameters well under both engines' limits.
      for (let i = 0; i < accountIds.length; i += 500) {
        const rows = await db.selectFrom('accounts').select(['id', 'network_serial']).where('id', 'in', accountIds.slice(i, i + 500)).execute();
        for (const r of rows) serials.set(r.id, Number(r.network_serial));
      }
      return serials;
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
