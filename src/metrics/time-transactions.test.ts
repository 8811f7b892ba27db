import { test } from 'node:test';
import assert from 'node:assert/strict';
import { timeTransactions } from './time-transactions.js';

test('transactions are timed by outcome; the rest of the store is the store itself', async () => {
  const repos = { marker: 1 };
  const store = {
    repos,
    ping: () => 'pong',
    async withTx<T>(fn: (r: never) => Promise<T>): Promise<T> {
      return fn(repos as never);
    },
  };
  const seen: boolean[] = [];
  const timed = timeTransactions(store, (s, committed) => {
    assert.ok(s >= 0);
    seen.push(committed);
  });
  assert.equal(await timed.withTx(async (r) => (r as typeof repos).marker), 1);
  await assert.rejects(timed.withTx(async () => Promise.reject(new Error('boom'))), /boom/);
  assert.deepEqual(seen, [true, false]);
  assert.equal(timed.repos, repos);
  assert.equal(timed.ping(), 'pong');
});
