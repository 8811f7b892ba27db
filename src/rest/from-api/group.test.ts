import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isRoostError } from '../../domain/errors.js';
import { toGroupInput } from './group.js';

test('toGroupInput: absent peers and resources mean none; empty names and unknown resource types are refused', () => {
  assert.deepEqual(toGroupInput({ name: 'g' }), { name: 'g', peers: [], resources: [] });
  assert.deepEqual(toGroupInput({ name: 'g', peers: ['p'], resources: [{ id: 'r', type: 'host' }, { id: 's', type: 'domain' }] }), { name: 'g', peers: ['p'], resources: ['r', 's'] });
  const invalid = (e: unknown) => isRoostError(e, 'InvalidArgument');
  assert.throws(() => toGroupInput({ name: '' }), invalid);
  assert.throws(() => toGroupInput({ name: 'g', resources: [{ id: 'r', type: 'peer' }] }), invalid);
  assert.throws(() => toGroupInput({ name: 'g', resources: [{ id: 'r', type: 'nope' }] }), invalid);
});
