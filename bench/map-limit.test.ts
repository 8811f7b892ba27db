import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mapLimit } from './map-limit.js';

test('mapLimit keeps order and never exceeds the limit', async () => {
  let inFlight = 0;
  let peak = 0;
  const out = await mapLimit([5, 1, 4, 2, 3, 0, 6], 3, async (x, i) => {
    inFlight++;
    peak = Math.max(peak, inFlight);
    await new Promise((r) => setImmediate(r));
    inFlight--;
    return x * 10 + i;
  });
  assert.deepEqual(out, [50, 11, 42, 23, 34, 5, 66]);
  assert.equal(peak, 3);
  assert.deepEqual(await mapLimit([], 4, async (x) => x), []);
});

test('mapLimit rejects with the first error and starts nothing after it', async () => {
  const started: number[] = [];
  await assert.rejects(
    mapLimit([1, 2, 3, 4, 5, 6], 2, async (x) => {
      started.push(x);
      await new Promise((r) => setImmediate(r));
      if (x === 2) throw new Error('boom');
      return x;
    }),
    /boom/,
  );
  await new Promise((r) => setTimeout(r, 10));
  assert.deepEqual(started, [1, 2, 3]);
});
