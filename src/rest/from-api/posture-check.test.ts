import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isRoostError } from '../../domain/errors.js';
import { parseCheckAction, toPostureCheckInput, toPostureDefinition } from './posture-check.js';

test('parseCheckAction', () => {
  assert.equal(parseCheckAction('allow'), 'allow');
  assert.equal(parseCheckAction('deny'), 'deny');
  assert.throws(() => parseCheckAction('block'), (e: unknown) => isRoostError(e, 'InvalidArgument'));
});

test('toPostureDefinition maps every kind and fills missing optional paths with empty strings', () => {
  assert.deepEqual(
    toPostureDefinition({
      nb_version_check: { min_version: '0.1.0' },
      os_version_check: { android: { min_version: '13' }, windows: { min_kernel_version: '10.0' } },
      geo_location_check: { locations: [{ country_code: 'DE' }], action: 'allow' },
      peer_network_range_check: { ranges: ['10.0.0.0/8'], action: 'deny' },
      process_check: { processes: [{ mac_path: '/Applications/x' }] },
    }),
    {
      nbVersionCheck: { minVersion: '0.1.0' },
      osVersionCheck: { android: { minVersion: '13' }, windows: { minKernelVersion: '10.0' } },
      geoLocationCheck: { locations: [{ countryCode: 'DE', cityName: '' }], action: 'allow' },
      peerNetworkRangeCheck: { ranges: ['10.0.0.0/8'], action: 'deny' },
      processCheck: { processes: [{ linuxPath: '', macPath: '/Applications/x', windowsPath: '' }] },
    },
  );
  assert.deepEqual(toPostureCheckInput({ name: 'c', description: '' }), { name: 'c', description: '', checks: {} });
  assert.deepEqual(
    toPostureDefinition({ geo_location_check: { action: 'allow' }, peer_network_range_check: { action: 'deny' }, process_check: {} }),
    { geoLocationCheck: { locations: [], action: 'allow' }, peerNetworkRangeCheck: { ranges: [], action: 'deny' }, processCheck: { processes: [] } },
    'absent lists are empty',
  );
});
