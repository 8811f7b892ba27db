import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lastResult } from './last-result.js';

test('lastResult: recomputes exactly when either argument differs from the last call', () => {
  const calls: string[] = [];
  const f = lastResult((a: string, b: string) => (calls.push(`${a}|${b}`), `${a}:${b}`));
  const cases: [string, string, boolean][] = [
    ['s', '100', true],
    ['s', '100', false],
    ['s', '101', true],
    ['t', '101', true],
    ['s', '101', true],
    ['s', '101', false],
    ['s1', '01', true], // not confused by where one string ends and the next begins
  ];
  for (const [a, b, computes] of cases) {
    const before = calls.length;
    assert.equal(f(a, b), `${a}:${b}`);
    assert.equal(calls.length - before, computes ? 1 : 0, `${a}, ${b}`);
  }
});
