import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MODULES, OPERATIONS, allows, hasMatrixEntry, type Module } from './permission-matrix.js';

/** IDENTITY.md §3.3 written out as the spec prints it: module groups × roles. */
const SPEC: [Module[], [owner: string, admin: string, auditor: string, networkAdmin: string, user: string]][] = [
  [['networks', 'groups', 'dns', 'nameservers', 'policies', 'routes', 'pats'], ['CRUD', 'CRUD', 'R', 'CRUD', '-']],
  [['peers', 'settings', 'events', 'users', 'setup_keys', 'identity_providers'], ['CRUD', 'CRUD', 'R', 'R', '-']],
  [['accounts'], ['CRUD', 'R', 'R', 'R', '-']],
  [['remote_jobs', 'services'], ['CRUD', 'CRUD', 'R', '-', '-']],
];
const ROLES = ['owner', 'admin', 'auditor', 'network_admin', 'user'] as const;
const LETTER = { create: 'C', read: 'R', update: 'U', delete: 'D' } as const;

test('the spec table names each of the 16 modules once', () => {
  const named = SPEC.flatMap(([modules]) => modules).sort();
  assert.deepEqual(named, [...MODULES].sort());
  assert.equal(MODULES.length, 16);
});

test('allows: every cell of the matrix, for every role and operation', () => {
  let cells = 0;
  for (const [modules, grants] of SPEC) {
    for (const module of modules) {
      ROLES.forEach((role, i) => {
        for (const op of OPERATIONS) {
          assert.equal(allows(role, module, op), grants[i]!.includes(LETTER[op]), `${role} ${op} ${module}`);
          cells++;
        }
      });
    }
  }
  assert.equal(cells, 16 * 5 * 4);
});

test('a role without matrix entry is allowed nothing', () => {
  for (const role of ['billing_admin', 'emperor', '']) {
    assert.equal(hasMatrixEntry(role), false, role);
    for (const module of MODULES) for (const op of OPERATIONS) assert.equal(allows(role, module, op), false, `${role} ${op} ${module}`);
  }
  for (const role of ROLES) assert.equal(hasMatrixEntry(role), true, role);
});
