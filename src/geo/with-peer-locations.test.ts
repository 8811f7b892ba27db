import assert from 'node:assert/strict';
import { test } from 'node:test';
import { accountBuilder } from '../netmap/fixtures/account-builder.js';
import { withPeerLocations } from './with-peer-locations.js';

test('withPeerLocations: locations by peer ID when the account has a geo check, untouched otherwise', async () => {
  const plain = accountBuilder().peer('a', { connectionIp: '198.51.100.7' }).peer('b', { connectionIp: '192.0.2.1' }).peer('c').build();
  const withGeo = { ...plain, postureChecks: [{ id: 'geo', accountId: plain.account.id, name: 'geo', description: '', checks: { geoLocationCheck: { locations: [{ countryCode: 'DE', cityName: '' }], action: 'allow' as const } } }] };
  const asked: string[] = [];
  const geo = { lookup: (ip: string) => (asked.push(ip), ip.startsWith('198.51.100.') ? { countryCode: 'DE', cityName: 'Berlin', geoNameId: 1 } : null) };
  const located = await withPeerLocations({ loadAccountSnapshot: async () => withGeo }, geo).loadAccountSnapshot('x');
  assert.deepEqual([...(located.peerLocations ?? new Map())], [['a', { countryCode: 'DE', cityName: 'Berlin', geoNameId: 1 }]]);
  assert.deepEqual(asked, ['198.51.100.7', '192.0.2.1'], 'a peer without a connection IP is not looked up');
  const untouched = await withPeerLocations({ loadAccountSnapshot: async () => plain }, geo).loadAccountSnapshot('x');
  assert.equal(untouched, plain);
});
