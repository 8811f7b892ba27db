import { test } from 'node:test';
import assert from 'node:assert/strict';
import { callerIp } from './peer-address.js';

test('callerIp extracts the IP from grpc-js peer strings', () => {
  const cases: [string, string][] = [
    ['127.0.0.1:5000', '127.0.0.1'],
    ['ipv4:10.1.2.3:443', '10.1.2.3'],
    ['[::1]:33073', '::1'],
    ['ipv6:[fe80::1]:1', 'fe80::1'],
    ['unix:/tmp/sock', ''],
    ['', ''],
  ];
  for (const [input, want] of cases) assert.equal(callerIp(input), want, input);
});
