import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isRoostError } from '../../domain/errors.js';
import { BadRequestError } from '../bad-request.js';
import { parseUserRole, toUserInput, toUserUpdate } from './user.js';

test('parseUserRole accepts upstream roles only', () => {
  for (const role of ['owner', 'admin', 'user', 'billing_admin', 'auditor', 'network_admin']) assert.equal(parseUserRole(role), role);
  for (const bad of ['', 'Admin', 'root']) assert.throws(() => parseUserRole(bad), (e: unknown) => isRoostError(e, 'InvalidArgument'), bad);
});

test('toUserInput / toUserUpdate', () => {
  assert.deepEqual(toUserInput({ role: 'user', auto_groups: ['g'], is_service_user: true }), { name: '', email: '', role: 'user', autoGroups: ['g'], isServiceUser: true });
  assert.deepEqual(toUserUpdate({ role: 'admin', auto_groups: [], is_blocked: true }), { role: 'admin', autoGroups: [], blocked: true });
});

test('absent (or null) auto_groups: none on create, a 400 on update as upstream', () => {
  assert.deepEqual(toUserInput({ role: 'user', is_service_user: false }).autoGroups, []);
  assert.throws(
    () => toUserUpdate({ role: 'user', is_blocked: false }),
    (e: unknown) => e instanceof BadRequestError && e.statusCode === 400 && e.message === "auto_groups field can't be absent",
  );
});
