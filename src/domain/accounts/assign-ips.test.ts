import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cryptoRandom } from '../random.js';
import { assignIps } from './assign-ips.js';

const stuck = { int: () => 0, bytes: (n: number) => new Uint8Array(n) };

test('assignIps gives distinct host addresses avoiding the given ones', () => {
  const ips = assignIps('10.0.0.0/24', 50, new Set(['10.0.0.7']), cryptoRandom);
  assert.equal(new Set(ips).size, 50);
  for (const ip of ips) {
    const last = Number(ip.split('.')[3]);
    assert.ok(ip.startsWith('10.0.0.') && last >= 1 && last <= 254 && ip !== '10.0.0.7', ip);
  }
});

test('assignIps falls back to a scan and refuses a range that is too small', () => {
  assert.deepEqual(assignIps('10.0.0.0/30', 2, new Set(), stuck).sort(), ['10.0.0.1', '10.0.0.2']);
  assert.throws(() => assignIps('10.0.0.0/30', 2, new Set(['10.0.0.2']), stuck), { kind: 'InvalidArgument' });
  assert.throws(() => assignIps('10.0.0.0/31', 1, new Set(), stuck), { kind: 'InvalidArgument' });
  assert.throws(() => assignIps('not-a-net', 1, new Set(), stuck), { kind: 'InvalidArgument' });
});
