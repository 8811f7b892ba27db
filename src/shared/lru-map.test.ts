import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LruMap } from './lru-map.js';

test('LruMap evicts the least recently used entry at capacity', () => {
  const c = new LruMap<Uint8Array>(2);
  const v = (n: number) => new Uint8Array([n]);
  c.set('a', v(1));
  c.set('b', v(2));
  assert.deepEqual(c.get('a'), v(1)); // a is now most recent
  c.set('c', v(3));
  assert.equal(c.get('b'), undefined);
  assert.deepEqual(c.get('a'), v(1));
  assert.deepEqual(c.get('c'), v(3));
  assert.equal(c.size, 2);
  assert.throws(() => new LruMap<Uint8Array>(0), RangeError);
});
