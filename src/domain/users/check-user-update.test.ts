import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isRoostError } from '../errors.js';
import type { User, UserRole } from '../model.js';
import { checkUserUpdate, isOwnerTransfer, type RequestedUserState } from './check-user-update.js';

type Target = Pick<User, 'id' | 'role' | 'blocked' | 'isServiceUser'>;
const owner = { id: 'o', role: 'owner' as UserRole };
const admin = { id: 'a', role: 'admin' as UserRole };
const target = (id: string, role: UserRole, over: Partial<Target> = {}): Target => ({ id, role, blocked: false, isServiceUser: false, ...over });

test('checkUserUpdate refuses what upstream refuses, with its message', () => {
  const cases: [string, { id: string; role: UserRole }, Target, RequestedUserState, string | undefined][] = [
    ['owner blocks self', owner, target('o', 'owner'), { role: 'owner', blocked: true }, "admins can't block or unblock themselves"],
    ['admin unblocks self', admin, target('a', 'admin', { blocked: true }), { role: 'admin', blocked: false }, "admins can't block or unblock themselves"],
    ['admin changes own role', admin, target('a', 'admin'), { role: 'user', blocked: false }, "admins can't change their role"],
    ['owner changes own role', owner, target('o', 'owner'), { role: 'admin', blocked: false }, "admins can't change their role"],
    ['admin demotes the owner', admin, target('o', 'owner'), { role: 'admin', blocked: false }, 'only owners can remove owner role from their user'],
    ['admin blocks the owner', admin, target('o', 'owner'), { role: 'owner', blocked: true }, 'unable to block owner user'],
    ['admin grants owner', admin, target('u', 'user'), { role: 'owner', blocked: false }, 'only owners can add owner role to other users'],
    ['owner makes a service user owner', owner, target('s', 'admin', { isServiceUser: true }), { role: 'owner', blocked: false }, "can't update a service user with owner role"],
    ['owner keeps own state', owner, target('o', 'owner'), { role: 'owner', blocked: false }, undefined],
    ['admin blocks a user', admin, target('u', 'user'), { role: 'user', blocked: true }, undefined],
    ['admin promotes a user to admin', admin, target('u', 'user'), { role: 'admin', blocked: false }, undefined],
    ['owner hands ownership to a human', owner, target('u', 'admin'), { role: 'owner', blocked: false }, undefined],
    ['owner blocks an admin', owner, target('a', 'admin'), { role: 'admin', blocked: true }, undefined],
  ];
  for (const [name, initiator, old, next, message] of cases) {
    if (message === undefined) {
      checkUserUpdate(initiator, old, next);
      continue;
    }
    assert.throws(() => checkUserUpdate(initiator, old, next), (e: unknown) => isRoostError(e, 'PermissionDenied') && e.message === message, name);
  }
});

test('isOwnerTransfer: only an owner granting owner to someone else', () => {
  assert.equal(isOwnerTransfer(owner, 'u', 'owner'), true);
  assert.equal(isOwnerTransfer(owner, 'o', 'owner'), false);
  assert.equal(isOwnerTransfer(owner, 'u', 'admin'), false);
  assert.equal(isOwnerTransfer(admin, 'u', 'owner'), false);
});
