import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { PolicyRule } from '../model.js';
import { checkRule } from './check-rule.js';
import { normalizeRuleProtocol } from './normalize-rule.js';

test('normalizeRuleProtocol applies the legacy fix-up', () => {
  const cases: [PolicyRule['protocol'] | '', boolean, PolicyRule['protocol'], boolean][] = [
    ['', false, 'all', true],
    ['all', false, 'all', true],
    ['tcp', false, 'tcp', false],
    ['udp', true, 'udp', true],
    ['icmp', false, 'icmp', false],
  ];
  for (const [p, b, wantP, wantB] of cases) assert.deepEqual(normalizeRuleProtocol(p, b), { protocol: wantP, bidirectional: wantB }, `${p}/${b}`);
});

const base: PolicyRule = {
  id: 'r', policyId: 'p', name: 'r', description: '', enabled: true, action: 'accept', sources: ['g'], destinations: ['g'],
  sourceResource: null, destinationResource: null, bidirectional: true, protocol: 'tcp', ports: [], portRanges: [], authorizedGroups: {}, authorizedUser: '',
};

test('checkRule', () => {
  const cases: { name: string; over: Partial<PolicyRule>; ok: boolean }[] = [
    { name: 'plain tcp', over: {}, ok: true },
    { name: 'ports', over: { ports: ['22', '443'] }, ok: true },
    { name: 'port 0', over: { ports: ['0'] }, ok: false },
    { name: 'port 65536', over: { ports: ['65536'] }, ok: false },
    { name: 'port text', over: { ports: ['ssh'] }, ok: false },
    { name: 'range', over: { portRanges: [{ start: 8000, end: 8080 }] }, ok: true },
    { name: 'reversed range', over: { portRanges: [{ start: 9, end: 8 }] }, ok: false },
    { name: 'ports with all', over: { protocol: 'all', ports: ['22'] }, ok: false },
    { name: 'ports with icmp', over: { protocol: 'icmp', portRanges: [{ start: 1, end: 2 }] }, ok: false },
    { name: 'bad protocol', over: { protocol: 'sctp' as PolicyRule['protocol'] }, ok: false },
    { name: 'bad action', over: { action: 'allow' as PolicyRule['action'] }, ok: false },
    { name: 'no sources', over: { sources: [] }, ok: false },
    { name: 'peer resource as source', over: { sources: [], sourceResource: { id: 'p1', type: 'peer' } }, ok: true },
    { name: 'no destinations', over: { destinations: [] }, ok: false },
  ];
  for (const c of cases) {
    const run = () => checkRule({ ...base, ...c.over });
    if (c.ok) assert.doesNotThrow(run, c.name);
    else assert.throws(run, { kind: 'InvalidArgument' }, c.name);
  }
});
