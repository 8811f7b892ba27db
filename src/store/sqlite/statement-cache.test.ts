import assert from 'node:assert/strict';
import { test } from 'node:test';
import BetterSqlite3 from 'better-sqlite3';
import { StatementCache } from './statement-cache.js';

function freshDb(): BetterSqlite3.Database {
  const db = new BetterSqlite3(':memory:');
  db.exec('create table t (id integer primary key, v text)');
  db.prepare('insert into t (id, v) values (?, ?), (?, ?), (?, ?)').run(1, 'a', 2, 'b', 3, 'c');
  return db;
}

/** Counts prepares reaching the real database. */
function counting(db: BetterSqlite3.Database) {
  const prepared: string[] = [];
  return { prepared, db: { prepare: (sql: string) => (prepared.push(sql), db.prepare(sql)), close: () => db.close() } };
}

test('StatementCache: one prepare per SQL text, reused statements give the same rows as fresh ones', () => {
  const { prepared, db } = counting(freshDb());
  const cache = new StatementCache(db);
  const q = 'select v from t where id = ?';
  const cases: [number, unknown[]][] = [
    [1, [{ v: 'a' }]],
    [2, [{ v: 'b' }]],
    [9, []],
    [3, [{ v: 'c' }]],
  ];
  for (const [id, want] of cases) assert.deepEqual(cache.prepare(q).all([id]), want, `id ${id}`);
  assert.equal(cache.prepare(q), cache.prepare(q));
  cache.prepare('update t set v = ? where id = ?').run(['z', 1]);
  assert.deepEqual(cache.prepare(q).all([1]), [{ v: 'z' }]);
  assert.deepEqual(prepared, [q, 'update t set v = ? where id = ?']);
});

test('StatementCache: a statement being iterated is not handed out again', () => {
  const { prepared, db } = counting(freshDb());
  const cache = new StatementCache(db);
  const q = 'select id from t order by id';
  const outer = cache.prepare(q);
  const seen: unknown[] = [];
  for (const row of outer.iterate([])) {
    // Running the same SQL mid-iteration must not reuse the busy statement (better-sqlite3 throws).
    const inner = cache.prepare(q);
    assert.notEqual(inner, outer);
    assert.equal(inner.all([]).length, 3);
    seen.push(row);
  }
  assert.equal(seen.length, 3);
  assert.equal(cache.prepare(q), outer, 'once free, the kept statement is used again');
  assert.equal(prepared.length, 4);
});

test('StatementCache: bounded, least recently used dropped first', () => {
  const { prepared, db } = counting(freshDb());
  const cache = new StatementCache(db, 2);
  const sql = (n: number) => `select ${n} as n`;
  cache.prepare(sql(1));
  cache.prepare(sql(2));
  cache.prepare(sql(1)); // 1 is now the most recent
  cache.prepare(sql(3)); // drops 2
  cache.prepare(sql(1));
  cache.prepare(sql(3));
  assert.deepEqual(prepared, [sql(1), sql(2), sql(3)]);
  cache.prepare(sql(2));
  assert.deepEqual(prepared, [sql(1), sql(2), sql(3), sql(2)]);
});

test('StatementCache: close closes the database', () => {
  const raw = freshDb();
  const cache = new StatementCache(raw);
  cache.prepare('select 1').all([]);
  cache.close();
  assert.equal(raw.open, false);
});
