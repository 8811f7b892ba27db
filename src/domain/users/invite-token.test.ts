import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hashInviteToken, inviteTokenProblem, newInviteToken } from './invite-token.js';

test('a new token is 40 chars, nbi_-prefixed, and passes its own check', () => {
  const t = newInviteToken();
  assert.equal(t.length, 40);
  assert.match(t, /^nbi_[0-9A-Za-z]{36}$/);
  assert.equal(inviteTokenProblem(t), undefined);
  assert.notEqual(newInviteToken(), t);
});

test('malformed tokens are named', () => {
  const t = newInviteToken(() => 0);
  assert.equal(t.slice(0, 34), `nbi_${'0'.repeat(30)}`);
  const cases: [string, string | undefined][] = [
    [t, undefined],
    [`xyz_${t.slice(4)}`, 'invalid token prefix'],
    [t.slice(0, 39), 'invalid token length'],
    [`${t.slice(0, 10)}1${t.slice(11)}`, 'invalid token checksum'],
  ];
  for (const [token, want] of cases) assert.equal(inviteTokenProblem(token), want, token);
});

test('the stored hash is base64 SHA-256', () => {
  assert.equal(hashInviteToken('abc'), 'ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=');
});
