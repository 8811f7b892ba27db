import { Kysely } from 'kysely';
import { POSTGRES_TRAITS, SQLITE_TRAITS } from './engine-traits.js';
import type { Database } from './schema/database.js';
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
  // Each engine's driver is loaded only when chosen (a SQLite server never holds pg in memory).
  if (opts.engine === 'sqlite') {
    const { createSqliteDialect } = await import('./sqlite/create-sqlite-dialect.js');
    const db = new Kysely<Database>({ dialect: createSqliteDialect(opts.file) });
    return createStore({ db, traits: SQLITE_TRAITS, migrationSchema: undefined });
  }
  const { createPostgresDialect } = await import('./postgres/create-postgres-dialect.js');
  const db = new Kysely<Database>({ dialect: createPostgresDialect(opts.dsn, { schema: opts.schema, onConnectionError: opts.onConnectionError }) });
  return createStore({ db, traits: POSTGRES_TRAITS, migrationSchema: opts.schema ?? 'public' });
}
