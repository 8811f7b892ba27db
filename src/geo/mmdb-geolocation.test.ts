import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { MmdbGeolocation } from './mmdb-geolocation.js';
import { findDatabaseFile, openGeolocation } from './open-geolocation.js';
import { TEST_NETWORKS } from './testing/test-networks.js';
import { writeMmdb } from './testing/write-mmdb.js';

test('lookups through mmdb-lib: country, city, unknown, IPv4-mapped, IPv6 in an IPv4 database, garbage', () => {
  const geo = new MmdbGeolocation(writeMmdb(TEST_NETWORKS));
  const table: [string, string | null][] = [
    ['198.51.100.7', 'DE/Berlin/2950159'],
    ['198.51.101.200', 'DE/Munich/2867714'],
    ['203.0.113.5', 'FR/Paris/2988507'],
    ['203.0.113.200', 'FR//0'],
    ['::ffff:127.0.0.1', 'NL/Amsterdam/2759794'],
    ['192.0.2.1', null],
    ['2001:db8::1', null],
    ['not-an-ip', null],
    ['', null],
  ];
  for (const [ip, want] of table) {
    const loc = geo.lookup(ip);
    assert.equal(loc === null ? null : `${loc.countryCode}/${loc.cityName}/${loc.geoNameId}`, want, ip);
    assert.deepEqual(geo.lookup(ip), loc, 'cached answer is the same');
  }
});

test('countries and cities come from walking the whole database', () => {
  const geo = new MmdbGeolocation(writeMmdb(TEST_NETWORKS));
  assert.deepEqual(geo.countries(), [
    { countryCode: 'DE', countryName: 'Germany' },
    { countryCode: 'FR', countryName: 'France' },
    { countryCode: 'NL', countryName: 'Netherlands' },
  ]);
  assert.deepEqual(geo.cities('de'), [{ geoNameId: 2950159, cityName: 'Berlin' }, { geoNameId: 2867714, cityName: 'Munich' }]);
  assert.deepEqual(geo.cities('FR'), [{ geoNameId: 2988507, cityName: 'Paris' }]);
  assert.deepEqual(geo.cities('XX'), []);
});

test('openGeolocation: configured path, else GeoLite2-City*.mmdb in the data dir, else none; a bad file is an error', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'roost-geo-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  assert.equal(await openGeolocation({ dataDir: dir }), undefined);
  assert.equal(await findDatabaseFile(join(dir, 'missing')), undefined);
  await writeFile(join(dir, 'GeoLite2-City_20240101.mmdb'), writeMmdb(TEST_NETWORKS.slice(0, 1)));
  await writeFile(join(dir, 'GeoLite2-City_20250101.mmdb'), writeMmdb(TEST_NETWORKS));
  const found = await openGeolocation({ dataDir: dir });
  assert.equal(found?.file, join(dir, 'GeoLite2-City_20250101.mmdb'));
  assert.equal(found?.geo.lookup('203.0.113.5')?.countryCode, 'FR');
  const other = join(dir, 'custom.mmdb');
  await writeFile(other, writeMmdb(TEST_NETWORKS.slice(0, 1)));
  const configured = await openGeolocation({ dataDir: dir, path: other });
  assert.equal(configured?.file, other);
  assert.equal(configured?.geo.lookup('203.0.113.5'), null);
  await writeFile(join(dir, 'broken.mmdb'), 'not a database');
  await assert.rejects(openGeolocation({ dataDir: dir, path: join(dir, 'broken.mmdb') }), /geolocation database .*broken\.mmdb/);
  await assert.rejects(openGeolocation({ dataDir: dir, path: join(dir, 'nope.mmdb') }), /nope\.mmdb/);
});

test('cities without GeoNames IDs (flat layout) are kept apart by name', () => {
  const geo = new MmdbGeolocation(writeMmdb([
    { cidr: '10.0.0.0/16', record: { country_code: 'DE', city: 'Berlin' } },
    { cidr: '10.1.0.0/16', record: { country_code: 'DE', city: 'Bonn' } },
    { cidr: '10.2.0.0/16', record: { country_code: 'DE', city: 'Berlin' } },
  ]));
  assert.deepEqual(geo.cities('DE'), [{ geoNameId: 0, cityName: 'Berlin' }, { geoNameId: 0, cityName: 'Bonn' }]);
  assert.deepEqual(geo.countries(), [{ countryCode: 'DE', countryName: '' }]);
});
