import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomPeerIp } from './random-peer-ip.js';

const fixed = (v: number) => ({ int: (n: number) => Math.min(v, n - 1), bytes: (n: number) => new Uint8Array(n) });

test('randomPeerIp stays within [1, size-2] of the network', () => {
  const cases: [string, number, string][] = [
    ['100.77.0.0/16', 0, '100.77.0.1'],
    ['100.77.0.0/16', 65533, '100.77.255.254'],
    ['100.77.0.0/16', 1_000_000, '100.77.255.254'],
    ['100.77.3.9/16', 255, '100.77.1.0'],
    ['10.0.0.0/30', 0, '10.0.0.1'],
    ['10.0.0.0/30', 1, '10.0.0.2'],
  ];
  for (const [net, v, want] of cases) assert.equal(randomPeerIp(net, fixed(v)), want, `${net}/${v}`);
});

test('randomPeerIp refuses networks without room for peers', () => {
  for (const net of ['10.0.0.0/31', '10.0.0.1/32', 'junk']) assert.throws(() => randomPeerIp(net, fixed(0)), { kind: 'Internal' }, net);
});
