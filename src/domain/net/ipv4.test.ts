import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatIpv4, formatIpv4Prefix, parseIpv4, parseIpv4Prefix, prefixSize } from './ipv4.js';

test('parseIpv4 accepts dotted quads only', () => {
  const cases: [string, number | undefined][] = [
    ['0.0.0.0', 0],
    ['100.64.0.1', 0x64400001],
    ['255.255.255.255', 0xffffffff],
    ['256.0.0.1', undefined],
    ['1.2.3', undefined],
    ['01.2.3.4', undefined],
    ['1.2.3.4 ', undefined],
    ['::1', undefined],
    ['10.1', undefined],
    ['0x0a.0.0.1', undefined],
    ['', undefined],
  ];
  for (const [text, want] of cases) assert.equal(parseIpv4(text), want, text);
});

test('formatIpv4 inverts parseIpv4', () => {
  for (const ip of ['0.0.0.0', '100.77.12.9', '255.255.255.255']) assert.equal(formatIpv4(parseIpv4(ip)!), ip);
});

test('parseIpv4Prefix masks host bits and rejects junk', () => {
  const cases: [string, string | undefined][] = [
    ['100.77.3.4/16', '100.77.0.0/16'],
    ['10.0.0.1/32', '10.0.0.1/32'],
    ['1.2.3.4/0', '0.0.0.0/0'],
    ['1.2.3.4/33', undefined],
    ['1.2.3.4', undefined],
    ['1.2.3.4/8/1', undefined],
    ['x/8', undefined],
    // IPv6 is not an account network; a zero-padded length is refused as Go refuses it.
    ['::ffff:1.2.3.4/104', undefined],
    ['2001:db8::/32', undefined],
    ['10.0.0.0/08', undefined],
    ['10.1/16', undefined],
  ];
  for (const [text, want] of cases) {
    const p = parseIpv4Prefix(text);
    assert.equal(p === undefined ? undefined : formatIpv4Prefix(p), want, text);
  }
  assert.equal(prefixSize(parseIpv4Prefix('100.64.0.0/16')!), 65536);
  assert.deepEqual(parseIpv4Prefix('100.77.3.4/16'), { base: 0x644d0000, bits: 16 });
  assert.deepEqual(parseIpv4Prefix('255.255.255.255/32'), { base: 0xffffffff, bits: 32 });
});
