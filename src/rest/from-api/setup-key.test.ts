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

test('toSetupKeyInput: a lifetime of 0 or 1 to 365 days, a 32-bit usage limit', () => {
  const cases: [number, number, boolean][] = [
    [0, 0, true],
    [86_400, 0, true],
    [86_399, 0, false],
    [31_536_000, 0, true],
    [31_536_001, 0, false],
    [8_640_000_000_000, 0, false],
    [0, 2_147_483_647, true],
    [0, 2_147_483_648, false],
  ];
  for (const [expires_in, usage_limit, ok] of cases) {
    const make = () => toSetupKeyInput({ ...body, type: 'reusable', expires_in, usage_limit });
    if (ok) assert.equal(make().expiresIn, expires_in);
    else assert.throws(make, invalid, `${expires_in} ${usage_limit}`);
  }
});

test('absent (or null) auto_groups: none on create, refused on update as upstream', () => {
  const { auto_groups: _omitted, ...noGroups } = body;
  assert.deepEqual(toSetupKeyInput(noGroups).autoGroups, []);
  assert.throws(() => toSetupKeyUpdate({ revoked: false }), (e: unknown) => isRoostError(e, 'InvalidArgument') && e.message === 'setup key AutoGroups field is invalid');
});
