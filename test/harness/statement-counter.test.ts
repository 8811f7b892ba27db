import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { LogEvent } from 'kysely';
import { StatementCounter } from './statement-counter.js';

const event = (sql: string) => ({ level: 'query', query: { sql, parameters: [], query: {} }, queryDurationMillis: 0 }) as unknown as LogEvent;

test('StatementCounter groups statements by text, most frequent first, and resets', () => {
  const c = new StatementCounter();
  for (const sql of ['select a', 'update b', 'select a']) c.log(event(sql));
  assert.deepEqual(c.snapshot(), { total: 3, statements: [{ sql: 'select a', count: 2 }, { sql: 'update b', count: 1 }] });
  c.reset();
  assert.deepEqual(c.snapshot(), { total: 0, statements: [] });
});
