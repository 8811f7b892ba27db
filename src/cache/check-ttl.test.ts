import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkTtl } from './check-ttl.js';
import { isRoostError } from '../domain/errors.js';

test('checkTtl returns whole milliseconds, rounding up', () => {
  const table: ReadonlyArray<readonly [number, number]> = [
    [1, 1],
    [0.2, 1],
    [1.5, 2],
    [86_400_000, 86_400_000],
  ];
  for (const [input, want] of table) assert.equal(checkTtl(input), want, String(input));
});

test('checkTtl rejects zero, negative and non-finite TTLs', () => {
  for (const bad of [0, -1, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
    assert.throws(() => checkTtl(bad), (e: unknown) => isRoostError(e, 'InvalidArgument'), String(bad));
  }
});
