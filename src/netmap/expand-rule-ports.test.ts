import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { expandRulePorts, firewallFeatures, nativeSshApplies } from './expand-rule-ports.js';
import { testMeta } from './fixtures/account-builder.js';

describe('firewallFeatures', () => {
  const cases: [string, boolean, boolean][] = [
    ['0.47.0', false, false],
    ['0.48.0', true, false],
    ['0.59.9', true, false],
    ['0.60.0', true, true],
    ['0.30.0-dev', true, true],
    ['development', true, true],
    ['', false, false],
  ];
  for (const [v, portRanges, nativeSsh] of cases) {
    it(v || '(empty)', () => assert.deepEqual(firewallFeatures(v), { portRanges, nativeSsh }));
  }
});

describe('expandRulePorts', () => {
  const r = (ports: string[], portRanges: { start: number; end: number }[]) => ({ ports, portRanges });
  const cases: [string, ReturnType<typeof r>, boolean, boolean, { port: string; portRange: unknown }[]][] = [
    ['no ports → one portless spec', r([], []), true, true, [{ port: '', portRange: null }]],
    ['ports win over ranges', r(['80', '443'], [{ start: 1, end: 9 }]), true, false, [
      { port: '80', portRange: null },
      { port: '443', portRange: null },
    ]],
    ['ranges for new clients', r([], [{ start: 8000, end: 8100 }]), true, false, [
      { port: '', portRange: { start: 8000, end: 8100 } },
    ]],
    ['old clients keep single-port ranges only', r([], [{ start: 8000, end: 8100 }, { start: 53, end: 53 }]), false, false, [
      { port: '53', portRange: null },
    ]],
    ['native SSH adds 22022 next to 22', r(['22'], []), true, true, [
      { port: '22', portRange: null },
      { port: '22022', portRange: null },
    ]],
    ['native SSH with a range covering 22', r([], [{ start: 20, end: 30 }]), true, true, [
      { port: '', portRange: { start: 20, end: 30 } },
      { port: '22022', portRange: null },
    ]],
    ['no companion when 22022 is already covered', r(['22', '22022'], []), true, true, [
      { port: '22', portRange: null },
      { port: '22022', portRange: null },
    ]],
    ['no companion without 22', r(['80'], []), true, true, [{ port: '80', portRange: null }]],
  ];
  for (const [name, rule, ranges, native, expected] of cases) {
    it(name, () => assert.deepEqual(expandRulePorts(rule, ranges, native), expected));
  }
});

describe('nativeSshApplies', () => {
  const receiver = (sshEnabled: boolean, allowed: boolean) => ({
    sshEnabled,
    meta: testMeta({ flags: { serverSSHAllowed: allowed } }),
  });
  const on = { portRanges: true, nativeSsh: true };
  it('always for netbird-ssh', () => assert.equal(nativeSshApplies({ protocol: 'netbird-ssh' }, receiver(false, false), { portRanges: false, nativeSsh: false }), true));
  it('for tcp on capable SSH-enabled receivers', () => assert.equal(nativeSshApplies({ protocol: 'tcp' }, receiver(true, true), on), true));
  it('not for tcp when the server flag is off', () => assert.equal(nativeSshApplies({ protocol: 'tcp' }, receiver(true, false), on), false));
  it('not for udp', () => assert.equal(nativeSshApplies({ protocol: 'udp' }, receiver(true, true), on), false));
  it('not for old receivers', () => assert.equal(nativeSshApplies({ protocol: 'tcp' }, receiver(true, true), { portRanges: true, nativeSsh: false }), false));
});
