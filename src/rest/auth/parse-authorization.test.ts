import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAuthorization } from './parse-authorization.js';

test('parseAuthorization accepts Token and Bearer in any case', () => {
  const cases: [string | undefined, string | undefined][] = [
    ['Token nbp_abc', 'nbp_abc'],
    ['token nbp_abc', 'nbp_abc'],
    ['Bearer nbp_abc', 'nbp_abc'],
    ['  Token   nbp_abc  ', 'nbp_abc'],
    ['Basic nbp_abc', undefined],
    ['Token', undefined],
    ['Token a b', undefined],
    ['nbp_abc', undefined],
    ['', undefined],
    [undefined, undefined],
  ];
  for (const [header, want] of cases) assert.equal(parseAuthorization(header), want, String(header));
});
