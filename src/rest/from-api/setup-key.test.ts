import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isRoostError } from '../../domain/errors.js';
import { parseSetupKeyType, toSetupKeyInput, toSetupKeyUpdate } from './setup-key.js';

const body = { name: 'k', type: 'one-off', expires_in: 0, auto_groups: ['g'], usage_limit: 0 };
const invalid = (e: unknown) => isRoostError(e, 'InvalidArgument');

test('parseSetupKeyType', () => {
  assert.equal(parseSetupKeyType('reusable'), 'reusable');
  assert.equal(parseSetupKeyType('one-off'), 'one-off');
  assert.throws(() => parseSetupKeyType('oneoff'), invalid);
});

test('toSetupKeyInput defaults the optional flags; refuses empty names and past expiry', () => {
  assert.deepEqual(toSetupKeyInput(body), { name: 'k', type: 'one-off', expiresIn: 0, usageLimit: 0, autoGroups: ['g'], ephemeral: false, allowExtraDnsLabels: false });
  assert.equal(toSetupKeyInput({ ...body, ephemeral: true, allow_extra_dns_labels: true }).allowExtraDnsLabels, true);
  assert.throws(() => toSetupKeyInput({ ...body, name: '' }), invalid);
  assert.throws(() => toSetupKeyInput({ ...body, expires_in: -5 }), invalid);
  assert.deepEqual(toSetupKeyUpdate({ revoked: true, auto_groups: [] }), { revoked: true, autoGroups: [] });
});
