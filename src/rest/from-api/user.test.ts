import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isRoostError } from '../../domain/errors.js';
import { parseUserRole, toUserInput, toUserUpdate } from './user.js';

test('parseUserRole accepts upstream roles only', () => {
  for (const role of ['owner', 'admin', 'user', 'billing_admin', 'auditor', 'network_admin']) assert.equal(parseUserRole(role), role);
  for (const bad of ['', 'Admin', 'root']) assert.throws(() => parseUserRole(bad), (e: unknown) => isRoostError(e, 'InvalidArgument'), bad);
});

test('toUserInput / toUserUpdate', () => {
  assert.deepEqual(toUserInput({ role: 'user', auto_groups: ['g'], is_service_user: true }), { name: '', email: '', role: 'user', autoGroups: ['g'], isServiceUser: true });
  assert.deepEqual(toUserUpdate({ role: 'admin', auto_groups: [], is_blocked: true }), { role: 'admin', autoGroups: [], blocked: true });
});
