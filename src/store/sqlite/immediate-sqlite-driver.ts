import { CompiledQuery, SqliteDriver, type DatabaseConnection, type TransactionSettings } from 'kysely';

/**
 * Kysely's SQLite driver with `BEGIN IMMEDIATE` for write transactions: the write lock is taken
 * at the start, so two writers (another process on the same file, or a read-then-write race)
 * cannot both read a setup key's usage before either increments it. Read-only transactions
 * keep a deferred `BEGIN`, which under WAL gives a consistent snapshot without the lock.
 */
export class ImmediateSqliteDriver extends SqliteDriver {
  // The base class declares one parameter; Kysely passes the settings to every driver.
  override async beginTransaction(connection: DatabaseConnection, settings?: TransactionSettings): Promise<void> {
    const readOnly = settings?.accessMode === 'read only';
    await connection.executeQuery(CompiledQuery.raw(readOnly ? 'begin' : 'begin immediate'));
  }
}
