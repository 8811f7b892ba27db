/**
 * Custom DNS zones and records over the admin API on a real store (both engines): upstream's
 * shapes, validation (422), duplicates (409), unknown or foreign objects (404), no token (401),
 * serial moves only where a map changes, and a group a zone distributes to cannot be deleted.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { storeEngines } from '../conformance/store-engines.js';
import { isErrorBody, openRestFixture, type RestFixture } from './rest-fixture.js';

const ENGINES = await storeEngines('restzones');

for (const engine of ENGINES) {
  describe(`REST DNS zones on ${engine.name}`, { skip: engine.skip }, () => {
    let f: RestFixture;
    let group: string;
    before(async () => {
      f = await openRestFixture(engine);
      group = (await f.services.groups.create(f.main.accountId, { name: 'dns-clients' })).id;
    });
    after(() => f?.close());

    const zoneBody = (over: object = {}) => ({ name: 'Corp', domain: 'corp.example', enable_search_domain: true, distribution_groups: [group], ...over });

    async function refused(method: 'POST' | 'PUT', url: string, cases: [string, unknown, number][]): Promise<void> {
      const serial = await f.serial();
      for (const [name, body, code] of cases) {
        const res = await f.call(method, url, { body });
        assert.equal(res.status, code, `${name}: ${JSON.stringify(res.json)}`);
        assert.ok(isErrorBody(res.json, code), name);
      }
      assert.equal(await f.serial(), serial, 'refused writes change nothing');
    }

    test('zones: create (enabled by default, no serial move), read, list, update, refusals', async () => {
      assert.equal((await f.call('GET', '/api/dns/zones', { token: null })).status, 401);
      const serial = await f.serial();
      const created = await f.call('POST', '/api/dns/zones', { body: zoneBody() });
      assert.equal(created.status, 200, JSON.stringify(created.json));
      const id = created.json.id as string;
      assert.deepEqual(created.json, { id, name: 'Corp', domain: 'corp.example', enabled: true, enable_search_domain: true, distribution_groups: [group], records: [] });
      assert.equal(await f.serial(), serial, 'an empty zone is in nobody\'s map');
      assert.deepEqual((await f.call('GET', `/api/dns/zones/${id}`)).json, created.json);
      assert.deepEqual((await f.call('GET', '/api/dns/zones')).json, [created.json]);

      await refused('POST', '/api/dns/zones', [
        ['same domain', zoneBody({ name: 'again' }), 409],
        ['empty name', zoneBody({ name: '', domain: 'x.example' }), 422],
        ['wildcard domain', zoneBody({ domain: '*.x.example' }), 422],
        ['no distribution group', zoneBody({ domain: 'x.example', distribution_groups: [] }), 422],
        ['unknown group', zoneBody({ domain: 'x.example', distribution_groups: ['nosuchgroup00000000'] }), 422],
        ['the peer DNS domain', zoneBody({ domain: 'netbird.selfhosted' }), 422],
        ['wrong type', zoneBody({ domain: 'x.example', enable_search_domain: 'yes' }), 400],
      ]);
      await refused('PUT', `/api/dns/zones/${id}`, [['domain change', zoneBody({ domain: 'other.example' }), 422]]);

      const updated = await f.call('PUT', `/api/dns/zones/${id}`, { body: zoneBody({ name: 'Corp 2', enabled: false, enable_search_domain: false }) });
      assert.equal(updated.status, 200);
      assert.deepEqual([updated.json.name, updated.json.enabled, updated.json.enable_search_domain], ['Corp 2', false, false]);
      assert.equal((await f.call('GET', `/api/dns/zones/${id}`)).json.name, 'Corp 2');

      for (const method of ['GET', 'PUT', 'DELETE'] as const) {
        const res = await f.call(method, `/api/dns/zones/${id}`, { token: f.other.token, ...(method === 'PUT' ? { body: zoneBody() } : {}) });
        assert.equal(res.status, 404, `${method} from another account`);
      }
      assert.deepEqual((await f.call('GET', '/api/dns/zones', { token: f.other.token })).json, []);
      assert.equal((await f.call('DELETE', `/api/dns/zones/${id}`)).status, 200);
      assert.equal((await f.call('GET', `/api/dns/zones/${id}`)).status, 404);
    });

    test('records: CRUD with serial +1 each, conflicts, cascade on zone delete, group in use', async () => {
      const zone = (await f.call('POST', '/api/dns/zones', { body: zoneBody({ domain: 'rec.example' }) })).json;
      const url = `/api/dns/zones/${zone.id}/records`;
      let serial = await f.serial();
      const a = await f.call('POST', url, { body: { name: 'app.rec.example', type: 'A', content: '10.1.0.1', ttl: 300 } });
      assert.equal(a.status, 200, JSON.stringify(a.json));
      assert.deepEqual(a.json, { id: a.json.id, name: 'app.rec.example', type: 'A', content: '10.1.0.1', ttl: 300 });
      assert.equal(await f.serial(), ++serial);

      await refused('POST', url, [
        ['identical', { name: 'app.rec.example', type: 'A', content: '10.1.0.1', ttl: 60 }, 409],
        ['outside the zone', { name: 'app.other.example', type: 'A', content: '10.1.0.2', ttl: 60 }, 422],
        ['CNAME next to an A', { name: 'app.rec.example', type: 'CNAME', content: 'x.rec.example', ttl: 60 }, 422],
        ['bad A content', { name: 'b.rec.example', type: 'A', content: 'fd00::1', ttl: 60 }, 422],
        ['unknown type', { name: 'b.rec.example', type: 'MX', content: 'x', ttl: 60 }, 422],
        ['negative TTL', { name: 'b.rec.example', type: 'A', content: '10.1.0.2', ttl: -1 }, 422],
        ['TTL not a number', { name: 'b.rec.example', type: 'A', content: '10.1.0.2', ttl: '60' }, 400],
      ]);

      const aaaa = (await f.call('POST', url, { body: { name: 'app.rec.example', type: 'AAAA', content: 'fd00::1', ttl: 60 } })).json;
      serial++;
      assert.deepEqual((await f.call('GET', url)).json.map((r: { id: string }) => r.id).sort(), [a.json.id, aaaa.id].sort());
      assert.deepEqual((await f.call('GET', `${url}/${a.json.id}`)).json, a.json);
      assert.equal((await f.call('GET', `/api/dns/zones/${zone.id}`)).json.records.length, 2);

      const put = await f.call('PUT', `${url}/${a.json.id}`, { body: { name: 'app.rec.example', type: 'A', content: '10.1.0.9', ttl: 30 } });
      assert.equal(put.status, 200);
      assert.equal(put.json.content, '10.1.0.9');
      assert.equal(await f.serial(), ++serial);
      assert.equal((await f.call('PUT', `${url}/nosuchrecord0000000`, { body: { name: 'app.rec.example', type: 'A', content: '10.1.0.9', ttl: 30 } })).status, 404);
      assert.equal((await f.call('GET', `${url}/${a.json.id}`, { token: f.other.token })).status, 404);
      assert.equal((await f.call('POST', url, { token: f.other.token, body: { name: 'x.rec.example', type: 'A', content: '10.1.0.3', ttl: 1 } })).status, 404);

      const del = await f.call('DELETE', `/api/groups/${group}`);
      assert.equal(del.status, 412, 'a group a zone distributes to cannot be deleted');
      assert.match(del.json.message, /DNS zone/);

      assert.equal((await f.call('DELETE', `${url}/${aaaa.id}`)).status, 200);
      assert.equal(await f.serial(), ++serial);
      assert.equal((await f.call('DELETE', `/api/dns/zones/${zone.id}`)).status, 200);
      assert.equal(await f.serial(), ++serial);
      assert.equal((await f.call('GET', `${url}/${a.json.id}`)).status, 404);
      assert.deepEqual(await f.services.dnsZones.list(f.main.accountId), []);
    });
  });
}
