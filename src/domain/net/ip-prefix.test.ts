import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatIpPrefix, isIpAddress, parseIpPrefix, type IpPrefix } from './ip-prefix.js';

test('parseIpPrefix', () => {
  const cases: [string, IpPrefix | undefined][] = [
    ['10.0.0.0/8', { family: 4, bits: 8, network: '10.0.0.0' }],
    ['0.0.0.0/0', { family: 4, bits: 0, network: '0.0.0.0' }],
    ['2001:db8::/32', { family: 6, bits: 32, network: '2001:db8::' }],
    ['::/0', { family: 6, bits: 0, network: '::' }],
    ['10.0.0.0/33', undefined],
    ['2001:db8::/129', undefined],
    ['10.0.0.0', undefined],
    ['example.com/24', undefined],
    ['10.0.0.0/x', undefined],
    // Host bits are cleared, as Go's Prefix.Masked() does.
    ['10.1.2.3/8', { family: 4, bits: 8, network: '10.0.0.0' }],
    ['192.168.1.20/32', { family: 4, bits: 32, network: '192.168.1.20' }],
    ['2001:DB8:0:0:1::1/64', { family: 6, bits: 64, network: '2001:db8::' }],
    ['2001:db8:1:2:3:4:5:6/128', { family: 6, bits: 128, network: '2001:db8:1:2:3:4:5:6' }],
    // An IPv4-mapped prefix is IPv6 and keeps its dotted tail (Go's Addr.String).
    ['::ffff:1.2.3.4/120', { family: 6, bits: 120, network: '::ffff:1.2.3.0' }],
    // The deprecated IPv4-compatible form is `::` + 32 bits, not IPv4-mapped (ipaddr.js alone says so).
    ['::1.2.3.4/128', { family: 6, bits: 128, network: '::102:304' }],
    // Refused as upstream's netip.ParsePrefix refuses them.
    ['fe80::1%eth0/64', undefined],
    ['10.0.0.0/08', undefined],
    ['10.0.0.0/+8', undefined],
    ['10.1/16', undefined],
    ['010.0.0.0/8', undefined],
    ['0x0a.0.0.0/8', undefined],
    ['::ffff:01.2.3.4/96', undefined],
    ['1::2::3/64', undefined],
    [' 10.0.0.0/8', undefined],
    ['10.0.0.0/8 ', undefined],
    ['10.0.0.0/8/8', undefined],
    ['/8', undefined],
    ['', undefined],
  ];
  for (const [text, want] of cases) assert.deepEqual(parseIpPrefix(text), want, text);
});

test('formatIpPrefix prints the masked prefix', () => {
  for (const [text, want] of [['100.77.3.4/16', '100.77.0.0/16'], ['2001:db8::1/48', '2001:db8::/48'], ['::ffff:10.1.2.3/104', '::ffff:10.0.0.0/104']] as const) {
    assert.equal(formatIpPrefix(parseIpPrefix(text)!), want, text);
  }
});

test('isIpAddress', () => {
  for (const [text, want] of [['8.8.8.8', true], ['2001:4860:4860::8888', true], ['8.8.8', false], ['dns.google', false]] as const) {
    assert.equal(isIpAddress(text), want, text);
  }
});
