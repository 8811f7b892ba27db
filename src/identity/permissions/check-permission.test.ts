import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkPermission, type PermissionSubject, type PermissionVerdict } from './check-permission.js';
import type { Module, Operation } from './permission-matrix.js';

const base: PermissionSubject = { role: 'admin', accountId: 'a', blocked: false, pendingApproval: false, isServiceUser: false };
const allowed: PermissionVerdict = { kind: 'allowed' };
const denied: PermissionVerdict = { kind: 'denied' };
const invalid = (reason: string): PermissionVerdict => ({ kind: 'invalid', reason });

test('checkPermission follows upstream\'s order', () => {
  const cases: [string, Partial<PermissionSubject>, string, Module, Operation, PermissionVerdict][] = [
    ['admin writes groups', {}, 'a', 'groups', 'create', allowed],
    ['admin cannot change the account object', {}, 'a', 'accounts', 'update', denied],
    ['blocked', { blocked: true }, 'a', 'groups', 'read', invalid('user is blocked')],
    ['pending approval (blocked too)', { blocked: true, pendingApproval: true }, 'a', 'groups', 'read', invalid('user is pending approval')],
    ['blocked wins over another account', { blocked: true }, 'b', 'groups', 'read', invalid('user is blocked')],
    ['another account', {}, 'b', 'groups', 'read', invalid('user is not part of this account')],
    ['service user reads anything', { role: 'user', isServiceUser: true }, 'a', 'setup_keys', 'read', allowed],
    ['service user with role user does not write', { role: 'user', isServiceUser: true }, 'a', 'groups', 'create', denied],
    ['service billing admin reads', { role: 'billing_admin', isServiceUser: true }, 'a', 'peers', 'read', allowed],
    ['billing admin', { role: 'billing_admin' }, 'a', 'peers', 'read', invalid('user role: billing_admin not found')],
    ['regular user', { role: 'user' }, 'a', 'peers', 'read', denied],
    ['network admin manages routes', { role: 'network_admin' }, 'a', 'routes', 'delete', allowed],
    ['network admin only reads setup keys', { role: 'network_admin' }, 'a', 'setup_keys', 'create', denied],
    ['auditor reads', { role: 'auditor' }, 'a', 'policies', 'read', allowed],
    ['auditor does not write', { role: 'auditor' }, 'a', 'policies', 'update', denied],
  ];
  for (const [name, over, accountId, module, op, want] of cases) {
    assert.deepEqual(checkPermission({ ...base, ...over }, accountId, module, op), want, name);
  }
});
