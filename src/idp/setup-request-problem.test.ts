import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setupRequestProblem } from './setup-request-problem.js';

test('setupRequestProblem answers upstream messages in upstream order', () => {
  const ok = { email: 'a@b.co', password: '12345678', name: 'A' };
  const table: [string, Record<string, unknown>, string | undefined][] = [
    ['valid', ok, undefined],
    ['everything missing', {}, 'email is required'],
    ['email not a string', { ...ok, email: 5 }, 'email is required'],
    ['bad email', { ...ok, email: 'nope' }, 'invalid email format'],
    ['no name', { ...ok, name: '' }, 'name is required'],
    ['no password', { ...ok, password: '' }, 'password is required'],
    ['short password', { ...ok, password: '1234567' }, 'password must be at least 8 characters'],
    ['72 bytes', { ...ok, password: 'x'.repeat(72) }, undefined],
    ['73 bytes', { ...ok, password: 'x'.repeat(73) }, 'password must be at most 72 characters'],
  ];
  for (const [name, body, want] of table) assert.equal(setupRequestProblem(body), want, name);
});
