import { Kysely, type LogEvent } from 'kysely';
import { SQLITE_TRAITS } from '../../src/store/engine-traits.js';
import { createSqliteDialect } from '../../src/store/sqlite/create-sqlite-dialect.js';
import type { Database } from '../../src/store/schema/database.js';
import { createStore, type Store } from '../../src/store/store.js';

/** SQL statements one Sync ran, grouped by statement text. */
export interface SqlCount {
  readonly total: number;
  readonly statements: readonly { readonly sql: string; readonly count: number }[];
}

/** Counts executed statements by text (Kysely's `log` hook sees every query it runs). */
export class StatementCounter {
  private readonly counts = new Map<string, number>();
  total = 0;

  readonly log = (event: LogEvent): void => {
    this.total++;
    const sql = event.query.sql;
    this.counts.set(sql, (this.counts.get(sql) ?? 0) + 1);
  };

  reset(): void {
    this.counts.clear();
    this.total = 0;
  }

  snapshot(): SqlCount {
    return { total: this.total, statements: [...this.counts].map(([sql, count]) => ({ sql, count })).sort((a, b) => b.count - a.count) };
  }
}

/** A SQLite store (file `file`) whose every statement `counter` sees. */
export function countingSqliteStore(file: string, counter: StatementCounter): Store {
  const db = new Kysely<Database>({ dialect: createSqliteDialect(file), log: counter.log });
  return createStore({ db, traits: SQLITE_TRAITS, migrationSchema: undefined });
}
