import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ownerLoginProblem, passwordFromFile } from './owner-login.js';

test('ownerLoginProblem: the first owner\'s rules, in /api/setup\'s words', () => {
  const table: [string, string, string | undefined][] = [
    ['owner@example.test', 'long enough', undefined],
    ['', 'long enough', 'email is required'],
    ['not-an-email', 'long enough', 'invalid email format'],
    ['owner@example.test', '', 'password is required'],
    ['owner@example.test', 'short', 'password must be at least 8 characters'],
    ['owner@example.test', 'x'.repeat(73), 'password must be at most 72 characters'],
  ];
  for (const [email, password, want] of table) assert.equal(ownerLoginProblem(email, password), want, `${email} / ${password}`);
});

test('passwordFromFile drops one final line break only', () => {
  const table: [string, string][] = [
    ['secret\n', 'secret'],
    ['secret\r\n', 'secret'],
    ['secret', 'secret'],
    ['secret \n\n', 'secret \n'],
  ];
  for (const [text, want] of table) assert.equal(passwordFromFile(text), want, JSON.stringify(text));
});
