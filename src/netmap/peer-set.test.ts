import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { mergeSorted, peerSetOf } from './peer-set.js';

describe('peerSetOf', () => {
  it('sorts, de-duplicates and marks members', () => {
    const s = peerSetOf(6, [4, 1, 4, 0]);
    assert.deepEqual([...s.list], [0, 1, 4]);
    assert.deepEqual([...s.has], [1, 1, 0, 0, 1, 0]);
  });
});

describe('mergeSorted', () => {
  it('is the sorted union', () => {
    const sortedSet = fc.uniqueArray(fc.integer({ min: 0, max: 50 })).map((a) => Int32Array.from(a).sort());
    fc.assert(
      fc.property(sortedSet, sortedSet, (a, b) => {
        const expected = [...new Set([...a, ...b])].sort((x, y) => x - y);
        assert.deepEqual([...mergeSorted(a, b)], expected);
      }),
    );
  });
});
