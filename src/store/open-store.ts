import { Kysely } from 'kysely';
import { POSTGRES_TRAITS, SQLITE_TRAITS } from './engine-traits.js';
import { createPostgresDialect } from './postgres/create-postgres-dialect.js';
import type { Database } from './schema/database.js';
import { createSqliteDialect } from './sqlite/create-sqlite-dialect.js';
import { createStore, type Store } from './store.js';

export type StoreOptions =
  | { readonly engine: 'sqlite'; readonly file: string }
  | {
      readonly engine: 'postgres';
      readonly dsn: string;
      readonly schema?: string;
      /** Hears each established connection that dies; the pool replaces it on demand. */
      readonly onConnectionError?: (err: Error) => void;
    };

/**
 * Opens the store on the chosen engine. Nothing touches the database until the first query;
 * call `migrate()` at start-up. With a PostgreSQL `schema`, the schema is created on first
 * use and every pooled connection's search_path points at it.
 */
export async function openStore(opts: StoreOptions): Promise<Store> {
  if (opts.engine === 'sqlite') {
    const db = new Kysely<Database>({ dialect: createSqliteDialect(opts.file) });
    return createStore({ db, traits: SQLITE_TRAITS, migrationSchema: undefined });
  }
  const db = new Kysely<Database>({ dialect: createPostgresDialect(opts.dsn, { schema: opts.schema, onConnectionError: opts.onConnectionError }) });
  return createStore({ db, traits: POSTGRES_TRAITS, migrationSchema: opts.schema ?? 'public' });
}
