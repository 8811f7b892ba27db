import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Policy, PolicyRule } from '../model.js';
import { postureChecksApplyToPeer } from './posture-applies-to-peer.js';

const rule = (over: Partial<PolicyRule> = {}): PolicyRule => ({
  id: 'r',
  policyId: 'p',
  name: '',
  description: '',
  enabled: true,
  action: 'accept',
  sources: ['g1'],
  destinations: ['g2'],
  sourceResource: null,
  destinationResource: null,
  bidirectional: true,
  protocol: 'all',
  ports: [],
  portRanges: [],
  authorizedGroups: {},
  authorizedUser: '',
  ...over,
});
const policy = (over: Partial<Policy> = {}): Policy => ({
  id: 'p',
  accountId: 'a',
  name: '',
  description: '',
  enabled: true,
  sourcePostureChecks: ['pc'],
  rules: [rule()],
  ...over,
});

test('postureChecksApplyToPeer', () => {
  const cases: { name: string; groups: string[]; policies: Policy[]; want: boolean }[] = [
    { name: 'source group member', groups: ['g1'], policies: [policy()], want: true },
    { name: 'destination only', groups: ['g2'], policies: [policy()], want: false },
    { name: 'no checks on the policy', groups: ['g1'], policies: [policy({ sourcePostureChecks: [] })], want: false },
    { name: 'policy disabled', groups: ['g1'], policies: [policy({ enabled: false })], want: false },
    { name: 'rule disabled', groups: ['g1'], policies: [policy({ rules: [rule({ enabled: false })] })], want: false },
    { name: 'source peer resource', groups: [], policies: [policy({ rules: [rule({ sources: [], sourceResource: { id: 'peer1', type: 'peer' } })] })], want: true },
    { name: 'other peer resource', groups: [], policies: [policy({ rules: [rule({ sources: [], sourceResource: { id: 'peer2', type: 'peer' } })] })], want: false },
    { name: 'no policies', groups: ['g1'], policies: [], want: false },
  ];
  for (const c of cases) assert.equal(postureChecksApplyToPeer('peer1', c.groups, c.policies), c.want, c.name);
});
