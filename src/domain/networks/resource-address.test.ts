import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseResourceAddress, resourceAddress } from './resource-address.js';

test('parseResourceAddress classifies hosts, subnets and domains as upstream', () => {
  const cases: [string, string, string, string][] = [
    ['10.0.0.5', 'host', '10.0.0.5/32', ''],
    ['10.0.0.5/32', 'host', '10.0.0.5/32', ''],
    ['2001:db8::1', 'host', '2001:db8::1/128', ''],
    ['2001:DB8:0::1/128', 'host', '2001:db8::1/128', ''],
    ['10.0.0.0/24', 'subnet', '10.0.0.0/24', ''],
    ['10.0.0.7/24', 'subnet', '10.0.0.7/24', ''],
    ['2001:db8::/64', 'subnet', '2001:db8::/64', ''],
    ['0.0.0.0/0', 'subnet', '0.0.0.0/0', ''],
    ['example.com', 'domain', '', 'example.com'],
    ['*.internal.example.com', 'domain', '', '*.internal.example.com'],
  ];
  for (const [address, type, prefix, domain] of cases) {
    assert.deepEqual(parseResourceAddress(address), { type, prefix, domain }, address);
    assert.equal(resourceAddress(parseResourceAddress(address)), type === 'domain' ? domain : prefix);
  }
});

test('parseResourceAddress refuses what is neither', () => {
  for (const bad of ['', 'localhost', 'example.c0m', '*.com', 'a.*.example.com', '10.0.0.0/33', '10.0.0', 'fe80::1%eth0', 'exa mple.com', 'http://example.com']) {
    assert.throws(() => parseResourceAddress(bad), { kind: 'InvalidArgument' }, bad);
  }
});
