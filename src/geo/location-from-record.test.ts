import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countryNameOf, locationFromRecord } from './location-from-record.js';

test('locationFromRecord reads both database layouts', () => {
  const table: [unknown, ReturnType<typeof locationFromRecord>][] = [
    [{ country: { iso_code: 'DE', names: { en: 'Germany' } }, city: { geoname_id: 2950159, names: { en: 'Berlin', de: 'Berlin' } } }, { countryCode: 'DE', cityName: 'Berlin', geoNameId: 2950159 }],
    [{ country: { iso_code: 'FR' } }, { countryCode: 'FR', cityName: '', geoNameId: 0 }],
    [{ registered_country: { iso_code: 'NL' } }, { countryCode: 'NL', cityName: '', geoNameId: 0 }],
    [{ continent: { code: 'EU' } }, null],
    [{ country_code: 'us', city: 'Boston' }, { countryCode: 'US', cityName: 'Boston', geoNameId: 0 }],
    [{ country_code: '' }, null],
    [null, null],
    ['text', null],
  ];
  for (const [record, want] of table) assert.deepEqual(locationFromRecord(record), want, JSON.stringify(record));
});

test('countryNameOf: English name or empty', () => {
  assert.equal(countryNameOf({ country: { iso_code: 'DE', names: { en: 'Germany' } } }), 'Germany');
  assert.equal(countryNameOf({ country_code: 'DE' }), '');
});
