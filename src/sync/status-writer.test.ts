import assert from 'node:assert/strict';
import { test } from 'node:test';
import { StatusWriter, type StatusItem } from './status-writer.js';

function sink(fail = false) {
  const batches: StatusItem[][] = [];
  return {
    batches,
    async markPeersConnected(items: readonly StatusItem[]) {
      batches.push([...items]);
      if (fail) throw new Error('db down');
    },
  };
}

const connect = (at: number) => ({ connected: true, at });

test('changes recorded together are written together, in order, after the delay', async () => {
  const s = sink();
  const w = new StatusWriter(s, { delayMs: 5, maxBatch: 100, onError: assert.fail });
  w.record('a', connect(1));
  w.record('b', connect(2));
  w.record('a', { connected: false, at: 3, streamStart: 1 });
  assert.equal(s.batches.length, 0, 'nothing written synchronously');
  await w.flush();
  assert.deepEqual(
    s.batches.map((b) => b.map((i) => `${i.peerKey}:${i.change.connected}`)),
    [['a:true', 'b:true', 'a:false']],
  );
  assert.equal(w.queued, 0);
});

test('batches are capped at maxBatch and flush waits for all of them', async () => {
  const s = sink();
  const w = new StatusWriter(s, { delayMs: 1, maxBatch: 2, onError: assert.fail });
  for (let i = 0; i < 5; i++) w.record(`p${i}`, connect(i));
  await w.flush();
  assert.deepEqual(s.batches.map((b) => b.length), [2, 2, 1]);
});

test('a record made while a batch is being written is written by a later batch', async () => {
  const s = sink();
  const w = new StatusWriter(s, { delayMs: 1, maxBatch: 10, onError: assert.fail });
  w.record('a', connect(1));
  const first = w.flush();
  w.record('b', connect(2));
  await first;
  await w.flush();
  assert.deepEqual(s.batches.flat().map((i) => i.peerKey), ['a', 'b']);
});

test('a failing batch is reported and does not stop later ones', async () => {
  const s = sink(true);
  const failures: number[] = [];
  const w = new StatusWriter(s, { delayMs: 1, maxBatch: 1, onError: (_e, n) => failures.push(n) });
  w.record('a', connect(1));
  w.record('b', connect(2));
  await w.flush();
  assert.deepEqual(failures, [1, 1]);
  assert.equal(s.batches.length, 2);
});

test('without flush, the timer writes on its own', async () => {
  const s = sink();
  const w = new StatusWriter(s, { delayMs: 1, maxBatch: 10, onError: assert.fail });
  w.record('a', connect(1));
  for (let i = 0; i < 1_000 && s.batches.length === 0; i++) await new Promise((r) => setTimeout(r, 2));
  assert.equal(s.batches.length, 1);
});
