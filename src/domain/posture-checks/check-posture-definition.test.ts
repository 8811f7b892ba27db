import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { PostureCheckDefinition } from '../model.js';
import { checkPostureDefinition } from './check-posture-definition.js';

test('checkPostureDefinition', () => {
  const cases: { name: string; d: PostureCheckDefinition; ok: boolean }[] = [
    { name: 'empty', d: {}, ok: false },
    { name: 'nb version', d: { nbVersionCheck: { minVersion: '0.28.0' } }, ok: true },
    { name: 'nb version junk', d: { nbVersionCheck: { minVersion: 'latest' } }, ok: false },
    { name: 'os linux kernel', d: { osVersionCheck: { linux: { minKernelVersion: '5.15' } } }, ok: true },
    { name: 'os none', d: { osVersionCheck: {} }, ok: false },
    { name: 'geo allow', d: { geoLocationCheck: { action: 'allow', locations: [{ countryCode: 'DE', cityName: '' }] } }, ok: true },
    { name: 'geo bad country', d: { geoLocationCheck: { action: 'allow', locations: [{ countryCode: 'Germany', cityName: '' }] } }, ok: false },
    { name: 'geo no locations', d: { geoLocationCheck: { action: 'deny', locations: [] } }, ok: false },
    { name: 'ranges', d: { peerNetworkRangeCheck: { action: 'deny', ranges: ['192.168.0.0/16', 'fd00::/8'] } }, ok: true },
    { name: 'bad range', d: { peerNetworkRangeCheck: { action: 'deny', ranges: ['192.168.0.0'] } }, ok: false },
    { name: 'process', d: { processCheck: { processes: [{ linuxPath: '/usr/bin/x', macPath: '', windowsPath: '' }] } }, ok: true },
    { name: 'process without path', d: { processCheck: { processes: [{ linuxPath: '', macPath: '', windowsPath: '' }] } }, ok: false },
  ];
  for (const c of cases) {
    if (c.ok) assert.doesNotThrow(() => checkPostureDefinition(c.d), c.name);
    else assert.throws(() => checkPostureDefinition(c.d), { kind: 'InvalidArgument' }, c.name);
  }
});
