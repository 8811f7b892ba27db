import assert from 'node:assert/strict';
import { test } from 'node:test';
import { postureChecksFromGo } from './posture-checks.js';

test('postureChecksFromGo maps every Go-named check and refuses unknown ones', () => {
  const cases: [unknown, unknown][] = [
    [{ NBVersionCheck: { MinVersion: '0.40.0' } }, { nbVersionCheck: { minVersion: '0.40.0' } }],
    [
      { OSVersionCheck: { Android: { MinVersion: '12' }, Linux: { MinKernelVersion: '5.10.0' }, Ios: null } },
      { osVersionCheck: { android: { minVersion: '12' }, linux: { minKernelVersion: '5.10.0' } } },
    ],
    [{ PeerNetworkRangeCheck: { Action: 'allow', Ranges: ['192.168.1.0/24'] } }, { peerNetworkRangeCheck: { ranges: ['192.168.1.0/24'], action: 'allow' } }],
    [{ GeoLocationCheck: { Action: 'deny', Locations: [{ CountryCode: 'DE', CityName: '' }] } }, { geoLocationCheck: { locations: [{ countryCode: 'DE', cityName: '' }], action: 'deny' } }],
    [{ ProcessCheck: { Processes: [{ LinuxPath: '/usr/bin/x', MacPath: '', WindowsPath: '' }] } }, { processCheck: { processes: [{ linuxPath: '/usr/bin/x', macPath: '', windowsPath: '' }] } }],
    [{ NBVersionCheck: null }, {}],
  ];
  for (const [input, want] of cases) assert.deepEqual(postureChecksFromGo(input), want);
  assert.throws(() => postureChecksFromGo({ DiskEncryptionCheck: {} }), /unknown field\(s\) DiskEncryptionCheck/);
  assert.throws(() => postureChecksFromGo({ PeerNetworkRangeCheck: { Action: 'maybe', Ranges: [] } }), /unknown value "maybe"/);
});
