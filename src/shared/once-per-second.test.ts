import assert from 'node:assert/strict';
import { test } from 'node:test';
import { oncePerSecond } from './once-per-second.js';

test('oncePerSecond: built for the start of each second, once per second', () => {
  const built: number[] = [];
  const at = oncePerSecond((start) => (built.push(start), { start }));
  const cases: { now: number; start: number; builds: boolean }[] = [
    { now: 5_250, start: 5_000, builds: true },
    { now: 5_999, start: 5_000, builds: false },
    { now: 6_000, start: 6_000, builds: true },
    { now: 5_500, start: 5_000, builds: true }, // a clock stepping back is a new second too
    { now: 9_001, start: 9_000, builds: true },
  ];
  let before: unknown;
  for (const c of cases) {
    const n = built.length;
    const v = at(c.now);
    assert.equal(v.start, c.start, `at ${c.now}`);
    assert.equal(built.length - n, c.builds ? 1 : 0, `at ${c.now}`);
    if (!c.builds) assert.equal(v, before, `at ${c.now}: the same object`);
    before = v;
  }
});
