import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { UserRole } from '../../domain/model.js';
import { MODULES } from './permission-matrix.js';
import { userPermissions } from './user-permissions.js';

test('userPermissions lists the 16 modules with the role\'s four operations', () => {
  const p = userPermissions({ role: 'network_admin' }, { regularUsersViewBlocked: true });
  assert.deepEqual(Object.keys(p.modules), [...MODULES]);
  assert.deepEqual(p.modules.routes, { create: true, read: true, update: true, delete: true });
  assert.deepEqual(p.modules.peers, { create: false, read: true, update: false, delete: false });
  assert.deepEqual(p.modules.services, { create: false, read: false, update: false, delete: false });
  assert.deepEqual(userPermissions({ role: 'billing_admin' }, { regularUsersViewBlocked: false }).modules, {});
});

test('is_restricted: regular and billing users when the account blocks their view', () => {
  const cases: [UserRole, boolean, boolean][] = [
    ['user', true, true],
    ['user', false, false],
    ['billing_admin', true, true],
    ['admin', true, false],
    ['auditor', true, false],
  ];
  for (const [role, blocked, want] of cases) {
    assert.equal(userPermissions({ role }, { regularUsersViewBlocked: blocked }).is_restricted, want, `${role} ${blocked}`);
  }
});
