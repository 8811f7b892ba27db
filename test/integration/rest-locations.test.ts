/**
 * The locations API and geo posture checks over the admin API, with a geolocation database
 * (countries and cities from it) and without one (upstream's 412, nothing stored).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { storeEngines } from '../conformance/store-engines.js';
import { isErrorBody, openRestFixture, type RestFixture } from './rest-fixture.js';

const ENGINES = await storeEngines('restgeo');
const geoCheck = { name: 'geo', description: '', checks: { geo_location_check: { locations: [{ country_code: 'DE' }], action: 'allow' } } };

for (const engine of ENGINES) {
  describe(`REST locations on ${engine.name}`, { skip: engine.skip }, () => {
    let withDb: RestFixture;
    let without: RestFixture;
    before(async () => {
      withDb = await openRestFixture(engine);
      without = await openRestFixture(engine, { geo: null });
    });
    after(async () => {
      await withDb?.close();
      await without?.close();
    });

    test('countries and cities from the database; a bad country code is 422; no token is 401', async () => {
      const countries = await withDb.call('GET', '/api/locations/countries');
      assert.equal(countries.status, 200);
      assert.deepEqual(countries.json, [
        { country_code: 'DE', country_name: 'Germany' },
        { country_code: 'FR', country_name: 'France' },
        { country_code: 'NL', country_name: 'Netherlands' },
      ]);
      const cities = await withDb.call('GET', '/api/locations/countries/de/cities');
      assert.deepEqual(cities.json, [{ geoname_id: 2950159, city_name: 'Berlin' }, { geoname_id: 2867714, city_name: 'Munich' }]);
      assert.deepEqual((await withDb.call('GET', '/api/locations/countries/XX/cities')).json, []);
      const bad = await withDb.call('GET', '/api/locations/countries/DEU/cities');
      assert.equal(bad.status, 422);
      assert.ok(isErrorBody(bad.json, 422));
      assert.equal((await withDb.call('GET', '/api/locations/countries', { token: null })).status, 401);
      assert.equal((await withDb.call('POST', '/api/posture-checks', { body: geoCheck })).status, 200);
    });

    test('without a database: 412 for the lists and for geo checks, other checks still saved', async () => {
      for (const url of ['/api/locations/countries', '/api/locations/countries/DE/cities']) {
        const res = await without.call('GET', url);
        assert.equal(res.status, 412, url);
        assert.ok(isErrorBody(res.json, 412));
        assert.match(res.json.message, /Geo location database is not initialized/);
      }
      assert.equal((await without.call('GET', '/api/locations/countries/DEU/cities')).status, 422, 'the code is checked first');
      // On PostgreSQL both fixtures share one schema (and account): compare, don't expect empty.
      const checksBefore = (await without.call('GET', '/api/posture-checks')).json;
      const refused = await without.call('POST', '/api/posture-checks', { body: geoCheck });
      assert.equal(refused.status, 412);
      assert.deepEqual((await without.call('GET', '/api/posture-checks')).json, checksBefore);
      const version = await without.call('POST', '/api/posture-checks', { body: { name: 'v', description: '', checks: { nb_version_check: { min_version: '0.50.0' } } } });
      assert.equal(version.status, 200);
      const put = await without.call('PUT', `/api/posture-checks/${version.json.id}`, { body: { ...geoCheck, name: 'v' } });
      assert.equal(put.status, 412);
      assert.equal((await without.call('GET', `/api/posture-checks/${version.json.id}`)).json.checks.geo_location_check, undefined);
    });
  });
}
