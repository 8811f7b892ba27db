import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nextLastLogin } from './next-last-login.js';

test('nextLastLogin: the claimed time when newer than the stored one', () => {
  const cases: [string, number | null, number | undefined, number | undefined][] = [
    ['no claim', 100, undefined, undefined],
    ['no claim, never logged in', null, undefined, undefined],
    ['first login', null, 100, 100],
    ['newer', 100, 200, 200],
    ['same', 100, 100, undefined],
    ['older', 200, 100, undefined],
  ];
  for (const [name, stored, claimed, want] of cases) assert.equal(nextLastLogin(stored, claimed), want, name);
});
