/**
 * The Networks admin API through `inject()` over a real store, on every engine: CRUD of
 * networks, resources and routers with upstream's shapes, 401/403/404/409/422 answers that
 * change nothing, serial bumps for map-changing writes only, groups listing their resources,
 * cross-references refused on delete, and another account seeing nothing.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Peer } from '../../src/domain/model.js';
import { storeEngines } from '../conformance/store-engines.js';
import { isErrorBody, openRestFixture, type RestFixture } from './rest-fixture.js';

const ENGINES = await storeEngines('restnetworks');

for (const engine of ENGINES) {
  describe(`REST networks on ${engine.name}`, { skip: engine.skip }, () => {
    let f: RestFixture;
    let p1: Peer;
    let p2: Peer;
    let userToken: string;
    let auditorToken: string;
    before(async () => {
      f = await openRestFixture(engine);
      p1 = await f.addPeer(f.main.accountId, 'one');
      p2 = await f.addPeer(f.main.accountId, 'two');
      for (const role of ['user', 'auditor'] as const) {
        const u = await f.services.users.create(f.main.accountId, { name: role, email: `${role}@example.com`, role, autoGroups: [], isServiceUser: false });
        const { plainToken } = await f.services.tokens.create(f.main.accountId, u.id, { name: 't', expiresInDays: 30 });
        if (role === 'user') userToken = plainToken;
        else auditorToken = plainToken;
      }
    });
    after(() => f?.close());

    /** Every case answers its status with upstream's error body and leaves the serial alone. */
    async function refused(cases: [string, 'GET' | 'POST' | 'PUT' | 'DELETE', string, unknown, number, string?][]): Promise<void> {
      const serial = await f.serial();
      for (const [name, method, url, body, status, token] of cases) {
        const res = await f.call(method, url, { ...(body === undefined ? {} : { body }), ...(token === undefined ? {} : { token }) });
        assert.equal(res.status, status, `${name}: ${JSON.stringify(res.json)}`);
        assert.ok(isErrorBody(res.json, status), name);
      }
      assert.equal(await f.serial(), serial, 'refusals change nothing');
    }

    test('networks, resources and routers: full CRUD with upstream shapes and serial bumps', async () => {
      let serial = await f.serial();
      const group = (await f.call('POST', '/api/groups', { body: { name: 'db-hosts', peers: [] } })).json;
      const routers = (await f.call('POST', '/api/groups', { body: { name: 'routers', peers: [p1.id, p2.id] } })).json;
      serial = await f.serial();

      const net = await f.call('POST', '/api/networks', { body: { name: 'office', description: 'HQ' } });
      assert.equal(net.status, 200);
      const netId = net.json.id as string;
      assert.deepEqual(net.json, { id: netId, name: 'office', description: 'HQ', routers: [], resources: [], routing_peers_count: 0, policies: [] });
      assert.equal(await f.serial(), serial, 'creating a network changes no map');

      const res = await f.call('POST', `/api/networks/${netId}/resources`, { body: { name: 'db', address: '10.0.0.5', enabled: true, groups: [group.id] } });
      assert.equal(res.status, 200, JSON.stringify(res.json));
      const resId = res.json.id as string;
      assert.deepEqual(res.json, {
        id: resId, name: 'db', description: '', type: 'host', address: '10.0.0.5/32', enabled: true,
        groups: [{ id: group.id, name: 'db-hosts', peers_count: 0, resources_count: 1, issued: 'api' }],
      });
      assert.equal(await f.serial(), ++serial);
      const sub = await f.call('POST', `/api/networks/${netId}/resources`, { body: { name: 'lan', description: 'office lan', address: '192.168.10.0/24', enabled: true } });
      assert.deepEqual([sub.json.type, sub.json.address, sub.json.groups], ['subnet', '192.168.10.0/24', []]);
      const dom = await f.call('PUT', `/api/networks/${netId}/resources/${sub.json.id}`, { body: { name: 'lan', address: '*.corp.example.com', enabled: false, groups: [] } });
      assert.deepEqual([dom.status, dom.json.type, dom.json.address, dom.json.enabled], [200, 'domain', '*.corp.example.com', false]);
      serial = await f.serial();

      const rtr = await f.call('POST', `/api/networks/${netId}/routers`, { body: { peer_groups: [routers.id], metric: 100, masquerade: true, enabled: true } });
      assert.equal(rtr.status, 200, JSON.stringify(rtr.json));
      const rtrId = rtr.json.id as string;
      assert.deepEqual(rtr.json, { id: rtrId, peer: '', peer_groups: [routers.id], metric: 100, masquerade: true, enabled: true });
      assert.equal(await f.serial(), ++serial);
      const upd = await f.call('PUT', `/api/networks/${netId}/routers/${rtrId}`, { body: { peer: p1.id, metric: 10, masquerade: false, enabled: true } });
      assert.deepEqual(upd.json, { id: rtrId, peer: p1.id, peer_groups: [], metric: 10, masquerade: false, enabled: true });
      assert.equal(await f.serial(), ++serial);

      const policy = await f.call('POST', '/api/policies', {
        body: { name: 'to db', enabled: true, rules: [{ name: 'r', enabled: true, action: 'accept', bidirectional: false, protocol: 'tcp', ports: ['5432'], sources: [routers.id], destinationResource: { id: resId, type: 'host' } }] },
      });
      assert.equal(policy.status, 200, JSON.stringify(policy.json));
      assert.deepEqual(policy.json.rules[0].destinationResource, { id: resId, type: 'host' });

      const got = await f.call('GET', `/api/networks/${netId}`);
      assert.deepEqual(got.json, { id: netId, name: 'office', description: 'HQ', routers: [rtrId], resources: [resId, sub.json.id].sort(), routing_peers_count: 1, policies: [policy.json.id] });
      assert.deepEqual((await f.call('GET', '/api/networks')).json, [got.json]);
      assert.deepEqual((await f.call('GET', `/api/networks/${netId}/routers/${rtrId}`)).json, upd.json);
      assert.deepEqual((await f.call('GET', `/api/networks/${netId}/routers`)).json, [upd.json]);
      assert.deepEqual((await f.call('GET', '/api/networks/routers')).json, [upd.json]);
      assert.equal((await f.call('GET', `/api/networks/${netId}/resources/${resId}`)).json.name, 'db');
      assert.equal((await f.call('GET', `/api/networks/${netId}/resources`)).json.length, 2);
      assert.equal((await f.call('GET', '/api/networks/resources')).json.length, 2);
      const renamed = await f.call('PUT', `/api/networks/${netId}`, { body: { name: 'hq' } });
      assert.deepEqual([renamed.json.name, renamed.json.description], ['hq', '']);

      const g = (await f.call('GET', `/api/groups/${group.id}`)).json;
      assert.deepEqual([g.resources, g.resources_count], [[{ id: resId, type: 'host' }], 1]);

      serial = await f.serial();
      assert.deepEqual((await f.call('DELETE', `/api/networks/${netId}/routers/${rtrId}`)).json, {});
      assert.equal(await f.serial(), ++serial);
      assert.deepEqual((await f.call('DELETE', `/api/networks/${netId}/resources/${sub.json.id}`)).json, {});
      assert.equal(await f.serial(), ++serial);
      await f.call('DELETE', `/api/policies/${policy.json.id}`);
      serial = await f.serial();
      assert.deepEqual((await f.call('DELETE', `/api/networks/${netId}`)).json, {});
      assert.equal(await f.serial(), ++serial);
      assert.deepEqual((await f.call('GET', '/api/networks/resources')).json, [], 'a network takes its resources along');
      assert.equal((await f.call('GET', `/api/networks/${netId}`)).status, 404);
    });

    test('refusals: 401, 403, 404, 409, 422 and 400 (a wrong JSON type) change nothing', async () => {
      const netId = (await f.call('POST', '/api/networks', { body: { name: 'n' } })).json.id as string;
      const resId = (await f.call('POST', `/api/networks/${netId}/resources`, { body: { name: 'taken', address: '10.1.0.0/16', enabled: true } })).json.id as string;
      const rtrId = (await f.call('POST', `/api/networks/${netId}/routers`, { body: { peer: p2.id, metric: 1, masquerade: false, enabled: true } })).json.id as string;
      const resBody = { name: 'x', address: '10.2.0.0/16', enabled: true };
      const rtrBody = { peer: p1.id, metric: 5, masquerade: false, enabled: true };
      await refused([
        ['no token', 'GET', '/api/networks', undefined, 401, null as unknown as string],
        ['no token write', 'POST', '/api/networks', { name: 'x' }, 401, null as unknown as string],
        ['user reads', 'GET', '/api/networks', undefined, 403, userToken],
        ['user writes', 'POST', `/api/networks/${netId}/resources`, resBody, 403, userToken],
        ['auditor writes', 'POST', `/api/networks/${netId}/routers`, rtrBody, 403, auditorToken],
        ['unknown network', 'GET', '/api/networks/nope', undefined, 404],
        ['resource of unknown network', 'POST', '/api/networks/nope/resources', resBody, 404],
        ['router of unknown network', 'POST', '/api/networks/nope/routers', rtrBody, 404],
        ['unknown resource', 'GET', `/api/networks/${netId}/resources/nope`, undefined, 404],
        ['unknown router', 'DELETE', `/api/networks/${netId}/routers/nope`, undefined, 404],
        ['other account', 'GET', `/api/networks/${netId}`, undefined, 404, f.other.token],
        ['other account resource', 'DELETE', `/api/networks/${netId}/resources/${resId}`, undefined, 404, f.other.token],
        ['duplicate resource name', 'POST', `/api/networks/${netId}/resources`, { ...resBody, name: 'taken' }, 409],
        ['bad address', 'POST', `/api/networks/${netId}/resources`, { ...resBody, address: 'not an address' }, 422],
        ['unknown group', 'POST', `/api/networks/${netId}/resources`, { ...resBody, groups: ['nope'] }, 422],
        ['empty network name', 'POST', '/api/networks', { name: '' }, 422],
        ['peer and groups', 'POST', `/api/networks/${netId}/routers`, { ...rtrBody, peer_groups: ['x'] }, 422],
        ['neither peer nor groups', 'POST', `/api/networks/${netId}/routers`, { metric: 5, masquerade: false, enabled: true }, 422],
        ['metric 0', 'PUT', `/api/networks/${netId}/routers/${rtrId}`, { ...rtrBody, metric: 0 }, 422],
        ['unknown peer', 'POST', `/api/networks/${netId}/routers`, { ...rtrBody, peer: 'nope' }, 422],
        ['policy to unknown resource', 'POST', '/api/policies', { name: 'p', enabled: true, rules: [{ name: 'r', enabled: true, action: 'accept', bidirectional: false, protocol: 'all', sources: [], destinationResource: { id: 'nope', type: 'host' } }] }, 422],
        ['wrong JSON type', 'POST', `/api/networks/${netId}/routers`, { ...rtrBody, metric: '5' }, 400],
        ['missing address', 'POST', `/api/networks/${netId}/resources`, { name: 'x', enabled: true }, 422],
      ]);
    });

    test('cross-references refused on delete; groups and resources follow each other', async () => {
      const grp = (await f.call('POST', '/api/groups', { body: { name: 'router-group', peers: [p2.id] } })).json;
      const netId = (await f.call('POST', '/api/networks', { body: { name: 'refs' } })).json.id as string;
      const rtr = (await f.call('POST', `/api/networks/${netId}/routers`, { body: { peer_groups: [grp.id], metric: 9, masquerade: true, enabled: true } })).json;
      const direct = (await f.call('POST', `/api/networks/${netId}/routers`, { body: { peer: p1.id, metric: 9, masquerade: true, enabled: true } })).json;
      await refused([
        ['group used by a router', 'DELETE', `/api/groups/${grp.id}`, undefined, 412],
        ['peer that is a router', 'DELETE', `/api/peers/${p1.id}`, undefined, 412],
      ]);
      await f.call('DELETE', `/api/networks/${netId}/routers/${rtr.id}`);
      await f.call('DELETE', `/api/networks/${netId}/routers/${direct.id}`);

      const res = (await f.call('POST', `/api/networks/${netId}/resources`, { body: { name: 'refs-res', address: 'db.example.com', enabled: true } })).json;
      const withRes = await f.call('PUT', `/api/groups/${grp.id}`, { body: { name: 'router-group', peers: [p2.id], resources: [{ id: res.id, type: 'domain' }] } });
      assert.deepEqual(withRes.json.resources, [{ id: res.id, type: 'domain' }]);
      assert.deepEqual((await f.call('GET', `/api/networks/${netId}/resources/${res.id}`)).json.groups.map((g: { id: string }) => g.id), [grp.id]);
      await refused([['group with an unknown resource', 'PUT', `/api/groups/${grp.id}`, { name: 'router-group', resources: [{ id: 'nope', type: 'host' }] }, 422]]);
      assert.equal((await f.call('DELETE', `/api/groups/${grp.id}`)).status, 200, 'a group holding resources may be deleted');
      assert.deepEqual((await f.call('GET', `/api/networks/${netId}/resources/${res.id}`)).json.groups, [], 'the resource left the deleted group');
    });
  });
}
