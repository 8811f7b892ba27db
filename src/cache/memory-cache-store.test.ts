import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ManualClock } from '../domain/clock.js';
import { MemoryCacheStore } from './memory-cache-store.js';
import { isRoostError } from '../domain/errors.js';

test('an entry is visible strictly before write time + TTL', async () => {
  const clock = new ManualClock();
  const store = new MemoryCacheStore({ clock });
  await store.set('k', 'v', 1_000);
  clock.advance(999);
  assert.equal(await store.get('k'), 'v');
  clock.advance(1);
  assert.equal(await store.get('k'), undefined);
});

test('expired entries are swept lazily: on read, and by the periodic full sweep', async () => {
  const clock = new ManualClock();
  const store = new MemoryCacheStore({ clock, sweepEvery: 4 });
  await store.set('a', '1', 10);
  await store.set('b', '1', 10);
  await store.set('c', '1', 1_000);
  clock.advance(10);
  assert.equal(store.size, 3, 'expired entries still held until touched');
  assert.equal(await store.get('a'), undefined);
  assert.equal(store.size, 2, 'read removed the expired entry');
  await store.set('d', '1', 1_000); // 4th write triggers a sweep, removing b
  assert.equal(store.size, 2);
  assert.equal(await store.get('c'), '1');
  assert.equal(await store.get('d'), '1');
});

test('set rejects a non-positive TTL and close empties the store', async () => {
  const store = new MemoryCacheStore();
  await assert.rejects(store.set('k', 'v', 0), (e: unknown) => isRoostError(e, 'InvalidArgument'));
  await store.set('k', 'v', 1_000);
  await store.close();
  assert.equal(store.size, 0);
});
