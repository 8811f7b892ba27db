import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isRoostError } from '../../domain/errors.js';
import type { UserRole } from '../../domain/model.js';
import type { PermissionSubject } from '../../identity/permissions/index.js';
import { mayManageTokens, readAccess, requirePermission, type Access } from './access.js';

const subject = (role: UserRole, over: Partial<PermissionSubject> = {}): PermissionSubject => ({
  role, accountId: 'a', blocked: false, pendingApproval: false, isServiceUser: false, ...over,
});
const forbidden = (message: string) => (e: unknown) => isRoostError(e, 'PermissionDenied') && e.message === message;

test('requirePermission words refusals as upstream', () => {
  requirePermission(subject('network_admin'), 'a', 'groups', 'create');
  assert.throws(() => requirePermission(subject('auditor'), 'a', 'groups', 'create'), forbidden('permission denied'));
  assert.throws(() => requirePermission(subject('admin', { blocked: true }), 'a', 'groups', 'read'), forbidden('failed to validate user permissions: user is blocked'));
  assert.throws(
    () => requirePermission(subject('admin', { blocked: true, pendingApproval: true }), 'a', 'groups', 'read'),
    forbidden('failed to validate user permissions: user is pending approval'),
  );
  assert.throws(() => requirePermission(subject('billing_admin'), 'a', 'peers', 'read'), forbidden('failed to validate user permissions: user role: billing_admin not found'));
});

test('readAccess: a plain denial falls back to the caller\'s own objects', () => {
  const cases: [PermissionSubject, Access][] = [
    [subject('owner'), 'all'],
    [subject('auditor'), 'all'],
    [subject('network_admin'), 'all'],
    [subject('user'), 'own'],
    [subject('user', { isServiceUser: true }), 'all'],
  ];
  for (const [s, want] of cases) assert.equal(readAccess(s, 'a', 'peers'), want, s.role);
  assert.throws(() => readAccess(subject('billing_admin'), 'a', 'users'), forbidden('failed to validate user permissions: user role: billing_admin not found'));
  assert.throws(() => readAccess(subject('user', { blocked: true }), 'a', 'users'), forbidden('failed to validate user permissions: user is blocked'));
});

test('mayManageTokens: your own, or a service user\'s as an owner or admin', () => {
  const cases: [string, { id: string; role: UserRole }, { id: string; isServiceUser: boolean }, boolean][] = [
    ['own, regular', { id: 'a', role: 'user' }, { id: 'a', isServiceUser: false }, true],
    ['own, owner', { id: 'a', role: 'owner' }, { id: 'a', isServiceUser: false }, true],
    ['admin for service user', { id: 'a', role: 'admin' }, { id: 'b', isServiceUser: true }, true],
    ['owner for service user', { id: 'a', role: 'owner' }, { id: 'b', isServiceUser: true }, true],
    ['admin for a human', { id: 'a', role: 'admin' }, { id: 'b', isServiceUser: false }, false],
    ['network admin for service user', { id: 'a', role: 'network_admin' }, { id: 'b', isServiceUser: true }, false],
    ['auditor for service user', { id: 'a', role: 'auditor' }, { id: 'b', isServiceUser: true }, false],
  ];
  for (const [name, caller, target, want] of cases) assert.equal(mayManageTokens(caller, target), want, name);
});
