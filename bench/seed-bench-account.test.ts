import { test } from 'node:test';
import assert from 'node:assert/strict';
import { groupPairs } from './seed-bench-account.js';

test('groupPairs links every group to its two neighbours, each pair once', () => {
  const cases = [
    { n: 0, want: [] },
    { n: 1, want: [] },
    { n: 2, want: [[0, 1]] },
    { n: 4, want: [[0, 1], [1, 2], [2, 3], [3, 0]] },
  ];
  for (const c of cases) assert.deepEqual(groupPairs(c.n), c.want, `n=${c.n}`);
  const fifty = groupPairs(50);
  assert.equal(fifty.length, 50);
  const degree = new Array(50).fill(0);
  for (const [a, b] of fifty) (degree[a]++, degree[b]++);
  assert.ok(degree.every((d) => d === 2));
});
