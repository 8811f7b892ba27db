import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Group, Policy, PolicyRule } from '../../domain/model.js';
import { toApiPolicy } from './policy.js';

const groups: Group[] = [
  { id: 'g1', accountId: 'a', name: 'dev', issued: 'api', peers: ['p1', 'p2'] },
  { id: 'g2', accountId: 'a', name: 'ops', issued: 'jwt', peers: [] },
];
const rule: PolicyRule = {
  id: 'r1', policyId: 'pol', name: 'ssh', description: 'd', enabled: true, action: 'accept', sources: ['g1', 'gone'], destinations: ['g2'],
  sourceResource: null, destinationResource: null, bidirectional: false, protocol: 'tcp', ports: ['22'], portRanges: [], authorizedGroups: {}, authorizedUser: '',
};
const policy: Policy = { id: 'pol', accountId: 'a', name: 'P', description: '', enabled: true, sourcePostureChecks: ['pc'], rules: [rule] };

test('toApiPolicy shows groups as minimums and omits empty optional lists', () => {
  const p = toApiPolicy(policy, groups);
  assert.deepEqual(p, {
    id: 'pol', name: 'P', description: '', enabled: true, source_posture_checks: ['pc'],
    rules: [{
      id: 'r1', name: 'ssh', description: 'd', enabled: true, action: 'accept', bidirectional: false, protocol: 'tcp', ports: ['22'],
      sources: [{ id: 'g1', name: 'dev', peers_count: 2, resources_count: 0, issued: 'api' }],
      destinations: [{ id: 'g2', name: 'ops', peers_count: 0, resources_count: 0, issued: 'jwt' }],
    }],
  });
});

test('toApiPolicy: port ranges, SSH authorisation and peer resources', () => {
  const r: PolicyRule = {
    ...rule, ports: [], portRanges: [{ start: 80, end: 90 }], authorizedGroups: { g1: ['root'] }, authorizedUser: 'admin',
    sources: [], sourceResource: { id: 'p1', type: 'peer' }, destinationResource: { id: '', type: 'peer' },
  };
  const [out] = toApiPolicy({ ...policy, rules: [r] }, groups).rules;
  assert.deepEqual(out?.port_ranges, [{ start: 80, end: 90 }]);
  assert.equal(out && 'ports' in out, false);
  assert.deepEqual(out?.authorized_groups, { g1: ['root'] });
  assert.equal(out?.authorized_user, 'admin');
  assert.deepEqual(out?.sourceResource, { id: 'p1', type: 'peer' });
  assert.equal(out && 'destinationResource' in out, false, 'a resource without ID is left out');
  assert.deepEqual(out?.sources, []);
});

test("toApiPolicy counts the network resources of a rule's groups", () => {
  const res = { id: 'n1', accountId: 'a', networkId: 'net', name: 'lan', description: '', type: 'subnet' as const, prefix: '10.0.0.0/24', domain: '', enabled: true, groups: ['g2'] };
  const [out] = toApiPolicy(policy, groups, [res, { ...res, id: 'n2', groups: ['g1', 'g2'] }]).rules;
  assert.deepEqual(out?.destinations.map((g) => g.resources_count), [2]);
  assert.deepEqual(out?.sources.map((g) => g.resources_count), [1]);
});
