import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countsDelta } from './sync-path-counts.js';

test('countsDelta subtracts per path and keeps only the reasons that moved', () => {
  const before = { fast: 10, slow: 5, slowReasons: { flag_off: 5, cache_miss: 0 } };
  const after = { fast: 110, slow: 8, slowReasons: { flag_off: 5, cache_miss: 2, race: 1 } };
  assert.deepEqual(countsDelta(before, after), { fast: 100, slow: 3, slowReasons: { cache_miss: 2, race: 1 } });
  assert.deepEqual(countsDelta({ fast: 0, slow: 0 }, { fast: 1, slow: 0 }), { fast: 1, slow: 0, slowReasons: {} });
});
