import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pathViolations, type PathFacts } from './case-checks.js';

const ok: PathFacts = {
  peers: 100,
  singleReconnects: 20,
  stormFast: { fast: 100, slow: 0 },
  stormSlow: { fast: 0, slow: 100 },
  singleFast: { fast: 20, slow: 0 },
  singleSlow: { fast: 0, slow: 20 },
};

test('pathViolations: exact counts pass, any stray path is reported', () => {
  assert.deepEqual(pathViolations(ok), []);
  assert.deepEqual(pathViolations({ peers: 100, singleReconnects: 20 }), [], 'failed phases are not judged');
  const cases: { change: Partial<PathFacts>; re: RegExp }[] = [
    { change: { stormFast: { fast: 97, slow: 3, slowReasons: { cache_miss: 2, race: 1 } } }, re: /storm with the fast path on: server counted 97 fast \/ 3 slow Syncs, expected 100 \/ 0 \(slow because: cache_miss 2, race 1\)/ },
    { change: { stormSlow: { fast: 1, slow: 99 } }, re: /storm with the fast path off/ },
    { change: { singleFast: { fast: 19, slow: 1 } }, re: /single reconnects, fast path on/ },
    { change: { singleSlow: { fast: 0, slow: 21 } }, re: /single reconnects, fast path off/ },
    { change: { restart: { fast: 99, slow: 1 } }, re: /restart with the Redis cache filled/ },
  ];
  for (const c of cases) {
    const v = pathViolations({ ...ok, ...c.change });
    assert.equal(v.length, 1);
    assert.match(v[0]!, c.re);
  }
});
