import { test } from 'node:test';
import assert from 'node:assert/strict';
import { accountHintProblem } from './account-hint-problem.js';

test('accountHintProblem: a present account-ID claim must name the known user’s account', () => {
  const cases: [string, string, string | undefined, string | undefined][] = [
    ['no hint, new user', '', undefined, undefined],
    ['no hint, known user', '', 'acc', undefined],
    ['hint matches', 'acc', 'acc', undefined],
    ['hint names another account', 'other', 'acc', 'user u is not part of the account id other'],
    ['hint for an unknown user', 'acc', undefined, 'user u not found'],
  ];
  for (const [name, hint, userAccountId, want] of cases) assert.equal(accountHintProblem({ userId: 'u', hint, userAccountId }), want, name);
});
