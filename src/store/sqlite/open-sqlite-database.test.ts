import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteDatabase } from './open-sqlite-database.js';

const modeOf = (path: string) => statSync(path).mode & 0o777;
const posixOnly = process.platform === 'win32' ? 'POSIX modes' : false;

test('a new store file, its -wal and -shm, and the directory it creates are private', { skip: posixOnly }, (t) => {
  const parent = mkdtempSync(join(tmpdir(), 'roost-sqlite-'));
  t.after(() => rmSync(parent, { recursive: true, force: true }));
  const file = join(parent, 'data', 'store.db');
  const db = openSqliteDatabase(file);
  try {
    db.exec('CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1);');
    for (const f of [file, `${file}-wal`, `${file}-shm`]) {
      assert.ok(existsSync(f), `${f} exists while the database is open`);
      assert.equal(modeOf(f), 0o600, f);
    }
    assert.equal(modeOf(join(parent, 'data')), 0o700);
  } finally {
    db.close();
  }
});

test('an existing store file and companions with loose modes are made private on open', { skip: posixOnly }, (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'roost-sqlite-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'store.db');
  // An older version's files: made 0644 while the database is open, so the WAL stays behind.
  const old = openSqliteDatabase(file);
  old.exec('CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1);');
  for (const f of [file, `${file}-wal`, `${file}-shm`]) chmodSync(f, 0o644);
  const db = openSqliteDatabase(file);
  try {
    for (const f of [file, `${file}-wal`, `${file}-shm`]) assert.equal(modeOf(f), 0o600, f);
    assert.deepEqual(db.prepare('SELECT x FROM t').all(), [{ x: 1 }], 'the data is kept');
  } finally {
    db.close();
    old.close();
  }
});
