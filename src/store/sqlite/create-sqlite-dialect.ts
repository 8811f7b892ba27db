import { SqliteDialect, type Driver, type SqliteDialectConfig } from 'kysely';
import { ImmediateSqliteDriver } from './immediate-sqlite-driver.js';
import { openSqliteDatabase } from './open-sqlite-database.js';
import { StatementCache } from './statement-cache.js';

/** Kysely's SQLite dialect whose driver begins write transactions IMMEDIATE. */
class ImmediateSqliteDialect extends SqliteDialect {
  constructor(private readonly config: SqliteDialectConfig) {
    super(config);
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.config);
  }
}

/**
 * The SQLite engine: one better-sqlite3 connection (Kysely serialises its use) on `file`, its
 * statements prepared once per SQL text.
 */
export function createSqliteDialect(file: string): SqliteDialect {
  return new ImmediateSqliteDialect({ database: new StatementCache(openSqliteDatabase(file)) });
}
