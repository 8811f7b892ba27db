import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isRoostError } from '../../domain/errors.js';
import type { Account, User } from '../../domain/model.js';
import { callerOf, setCaller } from './caller.js';

test('callerOf returns what setCaller stored for that request only', () => {
  const req = {};
  const caller = { user: { id: 'u' } as User, account: { id: 'a' } as Account };
  setCaller(req, caller);
  assert.equal(callerOf(req), caller);
  assert.throws(() => callerOf({}), (e: unknown) => isRoostError(e, 'Unauthenticated'));
});
