import { test } from 'node:test';
import assert from 'node:assert/strict';
import { retryDelayMs } from './retry-delay-ms.js';

test('retryDelayMs: 0.5 s doubling, capped at 10 s', () => {
  const cases: [number, number][] = [
    [1, 500],
    [2, 1_000],
    [3, 2_000],
    [4, 4_000],
    [5, 8_000],
    [6, 10_000],
    [7, 10_000],
    [1_000, 10_000],
    [Number.MAX_SAFE_INTEGER, 10_000],
    [Infinity, 10_000],
    [0, 500],
    [-3, 500],
    [2.7, 1_000],
    [NaN, 500],
  ];
  for (const [attempt, want] of cases) assert.equal(retryDelayMs(attempt), want, `attempt ${attempt}`);
});

test('retryDelayMs: another schedule', () => {
  const s = { firstMs: 100, factor: 3, maxMs: 1_000 };
  assert.deepEqual([1, 2, 3, 4].map((a) => retryDelayMs(a, s)), [100, 300, 900, 1_000]);
});
