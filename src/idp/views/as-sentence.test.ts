import assert from 'node:assert/strict';
import { test } from 'node:test';
import { asSentence } from './as-sentence.js';

test('asSentence: capital first, one full stop last', () => {
  const table: [string, string][] = [
    ['password must contain at least one digit', 'Password must contain at least one digit.'],
    ['invite has expired.', 'Invite has expired.'],
    ['', '.'],
  ];
  for (const [message, want] of table) assert.equal(asSentence(message), want);
});
