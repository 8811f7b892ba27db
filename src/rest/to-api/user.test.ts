import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { User } from '../../domain/model.js';
import { encodeDexUserId } from '../../idp/dex-user-id.js';
import { toApiCurrentUser, toApiUser } from './user.js';

const user: User = {
  id: 'u1', accountId: 'a', role: 'admin', isServiceUser: false, name: 'Ann', email: 'ann@x', autoGroups: ['g'],
  blocked: false, pendingApproval: false, issued: 'api', lastLogin: null, createdAt: 0,
};

test('toApiUser: status, is_current, last_login always (Go\'s zero time for never), no idp_id', () => {
  assert.deepEqual(toApiUser(user, 'u1'), {
    id: 'u1', email: 'ann@x', name: 'Ann', role: 'admin', status: 'active', last_login: '0001-01-01T00:00:00Z', auto_groups: ['g'], is_current: true,
    is_service_user: false, is_blocked: false, pending_approval: false, issued: 'api',
  });
  assert.equal(toApiUser({ ...user, blocked: true, pendingApproval: true }, 'u1').status, 'blocked', 'pending users are blocked too');
  const blocked = toApiUser({ ...user, blocked: true, lastLogin: Date.UTC(2026, 0, 1) }, 'other');
  assert.equal(blocked.status, 'blocked');
  assert.equal(blocked.is_current, false);
  assert.equal(blocked.last_login, '2026-01-01T00:00:00.000Z');
});

test('toApiUser: idp_id is the connector of an embedded-IdP user, absent for others', () => {
  const table: [Partial<User>, string | undefined][] = [
    [{ id: encodeDexUserId('3f2a1b4c-0000-4000-8000-000000000001') }, 'local'],
    [{ id: encodeDexUserId('abc', 'google') }, 'google'],
    [{ id: 'auth0|123456' }, undefined],
    [{ id: 'cr1b2c3d4e5f6g7h8i9j' }, undefined],
    [{ id: encodeDexUserId('svc'), isServiceUser: true }, undefined],
  ];
  for (const [over, want] of table) assert.equal(toApiUser({ ...user, ...over }, 'x').idp_id, want, JSON.stringify(over));
  assert.ok(!('idp_id' in toApiUser(user, 'u1')));
});

test('toApiCurrentUser adds the permissions to the caller\'s user', () => {
  const permissions = { is_restricted: false, modules: { peers: { create: true, read: true, update: true, delete: true } } };
  const current = toApiCurrentUser(user, permissions);
  assert.equal(current.is_current, true);
  assert.equal(current.permissions, permissions);
  assert.deepEqual({ ...current, permissions: undefined }, { ...toApiUser(user, 'u1'), permissions: undefined });
});
