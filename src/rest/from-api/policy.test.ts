import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isRoostError } from '../../domain/errors.js';
import type { PolicyRuleRequest } from '../schemas/policy-request.js';
import { parseRuleAction, parseRuleProtocol, toPolicyInput, toRuleInput } from './policy.js';

const rule: PolicyRuleRequest = { name: 'r', enabled: true, action: 'accept', bidirectional: true, protocol: 'tcp', sources: ['a'], destinations: ['b'] };
const invalid = (e: unknown) => isRoostError(e, 'InvalidArgument');

test('parseRuleAction / parseRuleProtocol', () => {
  assert.equal(parseRuleAction('drop'), 'drop');
  assert.throws(() => parseRuleAction('reject'), invalid);
  for (const p of ['all', 'tcp', 'udp', 'icmp', 'netbird-ssh']) assert.equal(parseRuleProtocol(p), p);
  assert.throws(() => parseRuleProtocol('TCP'), invalid);
});

test('toRuleInput refuses what upstream\'s handler refuses', () => {
  const cases: [string, Partial<PolicyRuleRequest>][] = [
    ['sources and source resource', { sourceResource: { id: 'p', type: 'peer' } }],
    ['destinations and destination resource', { destinationResource: { id: 'p', type: 'peer' } }],
    ['no source side', { sources: undefined }],
    ['no destination side', { destinations: undefined }],
    ['ports and ranges', { ports: ['22'], port_ranges: [{ start: 1, end: 2 }] }],
    ['unknown resource type', { sources: undefined, sourceResource: { id: 'x', type: 'planet' } }],
  ];
  for (const [name, over] of cases) assert.throws(() => toRuleInput({ ...rule, ...over }, false), invalid, name);
});

test('toRuleInput keeps the rule ID only on update', () => {
  assert.equal(toRuleInput({ ...rule, id: 'r1' }, true).id, 'r1');
  assert.equal('id' in toRuleInput({ ...rule, id: 'r1' }, false), false);
  const r = toRuleInput({ ...rule, sources: undefined, sourceResource: { id: 'p1', type: 'peer' }, port_ranges: [{ start: 80, end: 81 }] }, false);
  assert.deepEqual([r.sources, r.sourceResource, r.portRanges, r.destinationResource], [[], { id: 'p1', type: 'peer' }, [{ start: 80, end: 81 }], null]);
});

test('toPolicyInput: name and rules are required', () => {
  assert.throws(() => toPolicyInput({ name: '', enabled: true, rules: [rule] }, false), invalid);
  assert.throws(() => toPolicyInput({ name: 'p', enabled: true, rules: [] }, false), invalid);
  assert.throws(() => toPolicyInput({ name: 'p', enabled: true }, false), (e: unknown) => isRoostError(e, 'InvalidArgument') && e.message === "policy rules shouldn't be empty");
  const p = toPolicyInput({ name: 'p', enabled: false, rules: [rule], source_posture_checks: ['c'] }, false);
  assert.deepEqual([p.name, p.enabled, p.description, p.sourcePostureChecks, p.rules.length], ['p', false, '', ['c'], 1]);
});
