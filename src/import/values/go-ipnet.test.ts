import assert from 'node:assert/strict';
import { test } from 'node:test';
import { goIpNetToCidr } from './go-ipnet.js';

test('goIpNetToCidr turns Go net.IPNet JSON into a CIDR', () => {
  const cases: [unknown, string][] = [
    [{ IP: '100.64.0.0', Mask: '//8AAA==' }, '100.64.0.0/16'],
    [{ IP: '10.0.0.0', Mask: '/wAAAA==' }, '10.0.0.0/8'],
    [{ IP: '192.168.1.0', Mask: '////AA==' }, '192.168.1.0/24'],
  ];
  for (const [input, want] of cases) assert.equal(goIpNetToCidr('network_net', input), want);
  assert.throws(() => goIpNetToCidr('network_net', { IP: '100.64.0.0', Mask: '/wD/AA==' }), /not contiguous/);
  assert.throws(() => goIpNetToCidr('network_net', { IP: 'fd00::', Mask: '//////////8AAAAAAAAAAA==' }), /IPv4/);
  assert.throws(() => goIpNetToCidr('network_net', { IP: '100.64.0.0', Mask: '//8AAA==', Zone: '' }), /unknown field/);
});
