import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AccountChange } from '../domain/change-bus.js';
import { SerialReconciler } from './serial-reconciler.js';

function harness(known: [string, number][], stored: [string, number][], vanished: Record<string, { id: string; key: string }[]> = {}) {
  const delivered: AccountChange[] = [];
  const resyncs: number[] = [];
  const queries: string[][] = [];
  const r = new SerialReconciler(
    {
      known: () => new Map(known),
      storedSerials: async (ids) => {
        queries.push([...ids]);
        return new Map(stored);
      },
      vanishedPeers: async (id) => vanished[id] ?? [],
      deliver: (c) => delivered.push(c),
      onResync: (n) => resyncs.push(n),
      onError: (err) => assert.fail(String(err)),
    },
    0,
  );
  return { r, delivered, resyncs, queries };
}

test('an account whose stored serial moved gets one resync change with its new serial', async () => {
  const h = harness([['a', 3], ['b', 2]], [['a', 5], ['b', 2]], { a: [{ id: 'gone', key: 'gk' }] });
  assert.equal(await h.r.runOnce(), 1);
  assert.deepEqual(h.delivered, [{ accountId: 'a', serial: 5, peers: 'all', resync: true, remote: true, deletedPeers: [{ id: 'gone', key: 'gk' }] }]);
  assert.deepEqual(h.resyncs, [1]);
  assert.deepEqual(h.queries, [['a', 'b']]);
});

test('nothing known, nothing queried; in step, nothing delivered', async () => {
  const empty = harness([], [['a', 1]]);
  assert.equal(await empty.r.runOnce(), 0);
  assert.deepEqual(empty.queries, []);
  const same = harness([['a', 1]], [['a', 1]]);
  assert.equal(await same.r.runOnce(), 0);
  assert.deepEqual(same.delivered, []);
  assert.deepEqual(same.resyncs, []);
});

test('a vanished account keeps the known serial', async () => {
  const h = harness([['a', 4]], [], { a: [{ id: 'p', key: 'k' }] });
  await h.r.runOnce();
  assert.deepEqual(h.delivered, [{ accountId: 'a', serial: 4, peers: 'all', resync: true, remote: true, deletedPeers: [{ id: 'p', key: 'k' }] }]);
});

test('triggers during a run coalesce into one more run', async () => {
  const h = harness([['a', 1]], [['a', 1]]);
  await Promise.all([h.r.trigger(), h.r.trigger(), h.r.trigger()]);
  assert.equal(h.queries.length, 2);
});
