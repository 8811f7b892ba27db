import type { SqliteDatabase, SqliteStatement } from 'kysely';
import { LruMap } from '../../shared/lru-map.js';

/** What the cache needs of a better-sqlite3 statement: Kysely's part plus `busy`. */
export interface CacheableStatement extends SqliteStatement {
  /** True while an `iterate()` over it is open; such a statement cannot be run again. */
  readonly busy: boolean;
}

export interface PreparingDatabase {
  prepare(sql: string): CacheableStatement;
  close(): void;
}

/** Distinct SQL texts kept prepared; `IN (?, ?, …)` lists of many lengths must not grow it forever. */
export const DEFAULT_STATEMENT_CACHE_SIZE = 256;

/**
 * The database as Kysely sees it, with prepared statements reused by SQL text. Kysely's SQLite
 * driver prepares every query anew, and preparing costs more than running the small keyed
 * statements the hot paths issue (a reconnect storm's status writes: a third of their time).
 * A statement still being iterated is busy and is not handed out twice: a fresh one is.
 */
export class StatementCache implements SqliteDatabase {
  private readonly statements: LruMap<CacheableStatement>;

  constructor(
    private readonly db: PreparingDatabase,
    size = DEFAULT_STATEMENT_CACHE_SIZE,
  ) {
    this.statements = new LruMap(size);
  }

  prepare(sql: string): CacheableStatement {
    const kept = this.statements.get(sql);
    if (kept !== undefined && !kept.busy) return kept;
    const fresh = this.db.prepare(sql);
    if (kept === undefined) this.statements.set(sql, fresh);
    return fresh;
  }

  close(): void {
    this.db.close();
  }
}
