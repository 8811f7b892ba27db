import { test } from 'node:test';
import assert from 'node:assert/strict';
import { jwtGroupsAllowed } from './jwt-groups-allowed.js';

test('jwtGroupsAllowed: only an enabled, non-empty allow-list refuses, and one match is enough', () => {
  const cases: [string, boolean, string[], string[], boolean][] = [
    ['JWT groups off', false, ['admins'], [], true],
    ['empty allow-list', true, [], [], true],
    ['one group matches', true, ['admins', 'ops'], ['devs', 'ops'], true],
    ['no group matches', true, ['admins'], ['devs'], false],
    ['no groups in the token', true, ['admins'], [], false],
    ['match is exact (case)', true, ['Admins'], ['admins'], false],
  ];
  for (const [name, jwtGroupsEnabled, jwtAllowGroups, groups, want] of cases) {
    assert.equal(jwtGroupsAllowed({ jwtGroupsEnabled, jwtAllowGroups }, groups), want, name);
  }
});
