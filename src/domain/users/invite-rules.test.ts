import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inviteLifetime, invitePasswordProblem } from './invite-rules.js';

test('inviteLifetime', () => {
  const cases: [number | undefined, number | string][] = [
    [undefined, 259_200],
    [0, 259_200],
    [-5, 259_200],
    [3599, 'invite expiration must be at least 1 hour'],
    [3600, 3600],
    [86_400, 86_400],
  ];
  for (const [input, want] of cases) assert.equal(inviteLifetime(input), want, String(input));
});

test('invitePasswordProblem', () => {
  const cases: [string, string | undefined][] = [
    ['Passw0rd!', undefined],
    ['Pa0!', 'password must be at least 8 characters long'],
    ['Password!', 'password must contain at least one digit'],
    ['passw0rd!', 'password must contain at least one uppercase letter'],
    ['Passw0rdX', 'password must contain at least one special character'],
    [`P0!${'a'.repeat(70)}`, 'password must be at most 72 characters'],
  ];
  for (const [pw, want] of cases) assert.equal(invitePasswordProblem(pw), want, pw);
});
