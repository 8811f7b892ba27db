import { test } from 'node:test';
import assert from 'node:assert/strict';
import { groupsFromClaims } from './groups-from-claims.js';

test('groupsFromClaims: string entries of a list under the configured claim', () => {
  const cases: [Record<string, unknown>, string, string[]][] = [
    [{ groups: ['admins', 'devs'] }, 'groups', ['admins', 'devs']],
    [{ groups: ['admins', 7, null, { a: 1 }, 'devs'] }, 'groups', ['admins', 'devs']],
    [{ groups: 'admins' }, 'groups', []],
    [{ groups: [] }, 'groups', []],
    [{ roles: ['a'] }, 'groups', []],
    [{ 'https://x/roles': ['a'] }, 'https://x/roles', ['a']],
    [{ '': ['a'] }, '', []],
  ];
  for (const [claims, name, want] of cases) assert.deepEqual(groupsFromClaims(claims, name), want, JSON.stringify([claims, name]));
});
