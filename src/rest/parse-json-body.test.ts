import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dropNullMembers, parseJsonBody, UnparsableBodyError } from './parse-json-body.js';

test('dropNullMembers removes null members at every depth, keeps array slots', () => {
  const cases: [unknown, unknown][] = [
    [{ a: null, b: 1 }, { b: 1 }],
    [{ a: { b: null, c: [null, { d: null, e: 'x' }] } }, { a: { c: [null, { e: 'x' }] } }],
    [[1, null], [1, null]],
    [null, null],
    ['s', 's'],
  ];
  for (const [input, want] of cases) assert.deepEqual(dropNullMembers(input), want, JSON.stringify(input));
});

test('parseJsonBody: empty is no body, JSON is parsed, anything else is a 400 error', () => {
  assert.equal(parseJsonBody(''), undefined);
  assert.equal(parseJsonBody('  \n'), undefined);
  assert.deepEqual(parseJsonBody('{"name":"x","description":null}'), { name: 'x' });
  assert.deepEqual(parseJsonBody('[1]'), [1]);
  for (const bad of ['{', 'name=x', "{'a':1}"]) {
    assert.throws(() => parseJsonBody(bad), (e: unknown) => e instanceof UnparsableBodyError && e.statusCode === 400, bad);
  }
});
