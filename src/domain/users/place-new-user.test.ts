import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_ACCOUNT_SETTINGS } from '../accounts/default-account-settings.js';
import { placeNewUser, type NewUserPlacement } from './place-new-user.js';

test('placeNewUser: join the existing account (pending per user_approval_required), or own a new one', () => {
  const account = (userApprovalRequired: boolean) => ({ id: 'acc', settings: { ...DEFAULT_ACCOUNT_SETTINGS, userApprovalRequired } });
  const cases: [string, Parameters<typeof placeNewUser>[0], NewUserPlacement][] = [
    ['empty store', undefined, { kind: 'new-account', role: 'owner', pendingApproval: false }],
    ['approval required (new-account default)', account(true), { kind: 'join', accountId: 'acc', role: 'user', pendingApproval: true }],
    ['approval off', account(false), { kind: 'join', accountId: 'acc', role: 'user', pendingApproval: false }],
  ];
  for (const [name, existing, want] of cases) assert.deepEqual(placeNewUser(existing), want, name);
});
