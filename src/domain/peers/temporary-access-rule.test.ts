import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RoostError } from '../errors.js';
import { parseTemporaryAccessRule } from './temporary-access-rule.js';

test('rule strings upstream accepts', () => {
  const table: [string, ReturnType<typeof parseTemporaryAccessRule>][] = [
    ['all', { protocol: 'all', portRanges: [] }],
    [' ALL ', { protocol: 'all', portRanges: [] }],
    ['icmp', { protocol: 'icmp', portRanges: [] }],
    ['tcp/22', { protocol: 'tcp', portRanges: [{ start: 22, end: 22 }] }],
    ['TCP/ 3389 ', { protocol: 'tcp', portRanges: [{ start: 3389, end: 3389 }] }],
    ['udp/5000-5010', { protocol: 'udp', portRanges: [{ start: 5000, end: 5010 }] }],
    ['tcp/80 - 81', { protocol: 'tcp', portRanges: [{ start: 80, end: 81 }] }],
    ['tcp/65535', { protocol: 'tcp', portRanges: [{ start: 65535, end: 65535 }] }],
    ['netbird-ssh/22', { protocol: 'netbird-ssh', portRanges: [{ start: 22022, end: 22022 }] }],
    ['netbird-ssh/x', { protocol: 'netbird-ssh', portRanges: [{ start: 22022, end: 22022 }] }],
  ];
  for (const [rule, want] of table) assert.deepEqual(parseTemporaryAccessRule(rule), want, rule);
});

test('rule strings upstream refuses are InvalidArgument with its words', () => {
  const table: [string, RegExp][] = [
    ['', /invalid rule format/],
    ['tcp', /invalid rule format/],
    ['tcp/22/23', /invalid rule format/],
    ['netbird-ssh', /invalid rule format/],
    ['icmp/8', /icmp does not accept ports/],
    ['sctp/22', /invalid protocol: "sctp"/],
    ['tcp/', /empty port/],
    ['tcp/ssh', /invalid port "ssh"/],
    ['tcp/2.5', /invalid port/],
    ['tcp/0', /port out of range/],
    ['tcp/65536', /port out of range/],
    ['tcp/-5', /empty port/],
    ['tcp/1-2-3', /invalid port range "1-2-3"/],
    ['tcp/90-80', /start 90 > end 80/],
  ];
  for (const [rule, want] of table) {
    assert.throws(
      () => parseTemporaryAccessRule(rule),
      (err: unknown) => err instanceof RoostError && err.kind === 'InvalidArgument' && want.test(err.message),
      rule,
    );
  }
});
