import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isIpAddress, parseIpPrefix } from './ip-prefix.js';

test('parseIpPrefix', () => {
  const cases: [string, { family: 4 | 6; bits: number } | undefined][] = [
    ['10.0.0.0/8', { family: 4, bits: 8 }],
    ['0.0.0.0/0', { family: 4, bits: 0 }],
    ['2001:db8::/32', { family: 6, bits: 32 }],
    ['::/0', { family: 6, bits: 0 }],
    ['10.0.0.0/33', undefined],
    ['2001:db8::/129', undefined],
    ['10.0.0.0', undefined],
    ['example.com/24', undefined],
    ['10.0.0.0/x', undefined],
  ];
  for (const [text, want] of cases) assert.deepEqual(parseIpPrefix(text), want, text);
});

test('isIpAddress', () => {
  for (const [text, want] of [['8.8.8.8', true], ['2001:4860:4860::8888', true], ['8.8.8', false], ['dns.google', false]] as const) {
    assert.equal(isIpAddress(text), want, text);
  }
});
