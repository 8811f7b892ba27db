import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toApiChecks, toApiPostureCheck } from './posture-check.js';

test('toApiChecks writes only the defined kinds and non-empty optional members', () => {
  assert.deepEqual(toApiChecks({ nbVersionCheck: { minVersion: '0.50.0' } }), { nb_version_check: { min_version: '0.50.0' } });
  assert.deepEqual(
    toApiChecks({
      osVersionCheck: { linux: { minKernelVersion: '5.10' }, ios: { minVersion: '17' } },
      geoLocationCheck: { locations: [{ countryCode: 'DE', cityName: 'Berlin' }, { countryCode: 'FR', cityName: '' }], action: 'deny' },
      peerNetworkRangeCheck: { ranges: ['10.0.0.0/8'], action: 'allow' },
      processCheck: { processes: [{ linuxPath: '/bin/x', macPath: '', windowsPath: 'C:\\x.exe' }] },
    }),
    {
      os_version_check: { linux: { min_kernel_version: '5.10' }, ios: { min_version: '17' } },
      geo_location_check: { locations: [{ country_code: 'DE', city_name: 'Berlin' }, { country_code: 'FR' }], action: 'deny' },
      peer_network_range_check: { ranges: ['10.0.0.0/8'], action: 'allow' },
      process_check: { processes: [{ linux_path: '/bin/x', windows_path: 'C:\\x.exe' }] },
    },
  );
  assert.deepEqual(toApiChecks({}), {});
});

test('toApiPostureCheck', () => {
  assert.deepEqual(toApiPostureCheck({ id: 'c', accountId: 'a', name: 'n', description: 'd', checks: {} }), { id: 'c', name: 'n', description: 'd', checks: {} });
});
