import { test } from 'node:test';
import assert from 'node:assert/strict';
import { policyUpdateBody } from './policy-update-body.js';

test('policyUpdateBody turns a GET answer into a PUT body that only changes the description', () => {
  const got = {
    id: 'p1',
    name: 'Default',
    description: 'old',
    enabled: true,
    source_posture_checks: [],
    rules: [
      { id: 'r1', name: 'Default', description: 'd', enabled: true, action: 'accept', bidirectional: true, protocol: 'all', sources: [{ id: 'g1', name: 'All', peers_count: 3 }], destinations: [{ id: 'g1', name: 'All', peers_count: 3 }] },
      { id: 'r2', name: 'web', enabled: false, action: 'drop', bidirectional: false, protocol: 'tcp', ports: ['80'], port_ranges: [{ start: 8000, end: 8080 }], sources: [{ id: 'g2' }], destinations: [] },
    ],
  };
  assert.deepEqual(policyUpdateBody(got, 'new'), {
    name: 'Default',
    description: 'new',
    enabled: true,
    source_posture_checks: [],
    rules: [
      { id: 'r1', name: 'Default', description: 'd', enabled: true, action: 'accept', bidirectional: true, protocol: 'all', sources: ['g1'], destinations: ['g1'] },
      { id: 'r2', name: 'web', description: '', enabled: false, action: 'drop', bidirectional: false, protocol: 'tcp', ports: ['80'], port_ranges: [{ start: 8000, end: 8080 }], sources: ['g2'], destinations: [] },
    ],
  });
});
