import { chmodSync, closeSync, mkdirSync, openSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';

/** How long a writer waits for another process's lock before failing with SQLITE_BUSY. */
export const SQLITE_BUSY_TIMEOUT_MS = 5_000;

/**
 * Opens the SQLite file (creating its directory) with the pragmas the store relies on:
 * WAL so readers never block the writer, a busy timeout instead of instant SQLITE_BUSY,
 * and NORMAL sync, which is durable under WAL except on power loss. The file and its -wal and
 * -shm companions are private (0600, directory 0700): it holds setup-key hashes and tokens.
 */
export function openSqliteDatabase(file: string): BetterSqlite3.Database {
  if (file !== ':memory:') createPrivately(file);
  const db = new BetterSqlite3(file);
  db.pragma('journal_mode = WAL');
  db.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
  db.pragma('synchronous = NORMAL');
  // Companions left by an older version keep their mode when reopened; new ones are private already.
  if (file !== ':memory:') for (const f of [`${file}-wal`, `${file}-shm`]) makePrivate(f);
  return db;
}

/**
 * Creates the database file 0600 before SQLite opens it (an empty file is an empty database):
 * SQLite gives the -wal and -shm files it creates the database file's mode, so no process-wide
 * umask is needed for them.
 */
function createPrivately(file: string): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  closeSync(openSync(file, 'a', 0o600));
  makePrivate(file);
}

/** Sets an existing file to 0600 (when it is not so already). */
function makePrivate(path: string): void {
  let mode: number;
  try {
    mode = statSync(path).mode & 0o777;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw err;
  }
  if (mode !== 0o600) chmodSync(path, 0o600);
}
