import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isRoostError } from '../../domain/errors.js';
import { toGroupInput } from './group.js';

test('toGroupInput: absent peers means none; empty names and resources are refused', () => {
  assert.deepEqual(toGroupInput({ name: 'g' }), { name: 'g', peers: [] });
  assert.deepEqual(toGroupInput({ name: 'g', peers: ['p'], resources: [] }), { name: 'g', peers: ['p'] });
  const invalid = (e: unknown) => isRoostError(e, 'InvalidArgument');
  assert.throws(() => toGroupInput({ name: '' }), invalid);
  assert.throws(() => toGroupInput({ name: 'g', resources: [{ id: 'r', type: 'host' }] }), invalid);
});
