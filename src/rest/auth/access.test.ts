import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isRoostError } from '../../domain/errors.js';
import type { UserRole } from '../../domain/model.js';
import { accessFor, mayManageTokens, requireAccess, type Access, type Operation, type Resource } from './access.js';

test('accessFor: admins write, readers read all, regular users read their own users and peers', () => {
  const cases: [UserRole, Resource, Operation, Access][] = [
    ['owner', 'groups', 'write', 'all'],
    ['admin', 'accounts', 'write', 'all'],
    ['admin', 'peers', 'read', 'all'],
    ['auditor', 'policies', 'read', 'all'],
    ['auditor', 'policies', 'write', 'none'],
    ['network_admin', 'routes', 'read', 'all'],
    ['network_admin', 'routes', 'write', 'none'],
    ['user', 'peers', 'read', 'own'],
    ['user', 'users', 'read', 'own'],
    ['user', 'groups', 'read', 'none'],
    ['user', 'accounts', 'read', 'none'],
    ['user', 'peers', 'write', 'none'],
    ['billing_admin', 'setup-keys', 'read', 'none'],
    ['billing_admin', 'users', 'read', 'own'],
  ];
  for (const [role, resource, op, want] of cases) assert.equal(accessFor(role, resource, op), want, `${role} ${op} ${resource}`);
});

test('requireAccess throws PermissionDenied for none', () => {
  assert.equal(requireAccess({ role: 'user' }, 'peers', 'read'), 'own');
  assert.throws(() => requireAccess({ role: 'user' }, 'groups', 'write'), (e: unknown) => isRoostError(e, 'PermissionDenied'));
});

test('mayManageTokens: your own, or a service user\'s as an admin', () => {
  const cases: [string, { id: string; role: UserRole }, { id: string; isServiceUser: boolean }, boolean][] = [
    ['own, regular', { id: 'a', role: 'user' }, { id: 'a', isServiceUser: false }, true],
    ['own, owner', { id: 'a', role: 'owner' }, { id: 'a', isServiceUser: false }, true],
    ['admin for service user', { id: 'a', role: 'admin' }, { id: 'b', isServiceUser: true }, true],
    ['admin for a human', { id: 'a', role: 'admin' }, { id: 'b', isServiceUser: false }, false],
    ['regular for service user', { id: 'a', role: 'user' }, { id: 'b', isServiceUser: true }, false],
    ['auditor for service user', { id: 'a', role: 'auditor' }, { id: 'b', isServiceUser: true }, false],
  ];
  for (const [name, caller, target, want] of cases) assert.equal(mayManageTokens(caller, target), want, name);
});
