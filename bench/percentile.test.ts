import { test } from 'node:test';
import assert from 'node:assert/strict';
import { percentile } from './percentile.js';

test('percentile by nearest rank', () => {
  const hundred = Array.from({ length: 100 }, (_, i) => 100 - i);
  const cases = [
    { values: hundred, p: 50, want: 50 },
    { values: hundred, p: 99, want: 99 },
    { values: hundred, p: 100, want: 100 },
    { values: hundred, p: 0, want: 1 },
    { values: [3, 1, 2], p: 50, want: 2 },
    { values: [7], p: 99, want: 7 },
  ];
  for (const c of cases) assert.equal(percentile(c.values, c.p), c.want, `p${c.p} of ${c.values.length}`);
  assert.ok(Number.isNaN(percentile([], 50)));
});
