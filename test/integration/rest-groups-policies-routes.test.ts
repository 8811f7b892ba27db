/**
 * Groups, policies and routes over the admin API on a real store: full CRUD with upstream
 * shapes, every map-changing write advancing the account serial (so it went through the
 * domain), invalid bodies answered 400/422 with `{message, code}`, and another account's
 * objects answering 404.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Peer } from '../../src/domain/model.js';
import { storeEngines } from '../conformance/store-engines.js';
import { isErrorBody, openRestFixture, type RestFixture } from './rest-fixture.js';

const ENGINES = await storeEngines('restnet');

/** Another account's token gets 404 for GET, PUT and DELETE of `url`, and the object survives. */
async function assertHiddenFromOther(f: RestFixture, url: string, body: unknown): Promise<void> {
  for (const method of ['GET', 'PUT', 'DELETE'] as const) {
    const res = await f.call(method, url, { token: f.other.token, ...(method === 'PUT' ? { body } : {}) });
    assert.equal(res.status, 404, `${method} ${url}`);
    assert.ok(isErrorBody(res.json, 404), `${method} ${url}`);
  }
  assert.equal((await f.call('GET', url)).status, 200, 'still there for its owner');
}

async function assertInvalid(f: RestFixture, method: 'POST' | 'PUT', url: string, cases: [string, unknown, number][]): Promise<void> {
  const before = await f.serial();
  for (const [name, body, code] of cases) {
    const res = await f.call(method, url, { body });
    assert.equal(res.status, code, `${name}: ${JSON.stringify(res.json)}`);
    assert.ok(isErrorBody(res.json, code), name);
  }
  assert.equal(await f.serial(), before, 'rejected writes change nothing');
}

for (const engine of ENGINES) {
  describe(`REST groups, policies and routes on ${engine.name}`, { skip: engine.skip }, () => {
    let f: RestFixture;
    let p1: Peer;
    let p2: Peer;
    before(async () => {
      f = await openRestFixture(engine);
      p1 = await f.addPeer(f.main.accountId, 'one');
      p2 = await f.addPeer(f.main.accountId, 'two');
    });
    after(() => f?.close());

    test('groups: create, list, get, update, delete', async () => {
      let serial = await f.serial();
      const created = await f.call('POST', '/api/groups', { body: { name: 'devs', peers: [p1.id] } });
      assert.equal(created.status, 200);
      assert.equal(await f.serial(), ++serial);
      const id = created.json.id as string;
      assert.deepEqual(created.json, { id, name: 'devs', peers_count: 1, resources_count: 0, issued: 'api', peers: [{ id: p1.id, name: 'one' }], resources: [] });

      const list = await f.call('GET', '/api/groups');
      assert.deepEqual(list.json.map((g: { name: string }) => g.name).sort(), ['All', 'devs']);
      assert.equal(list.json.find((g: { name: string }) => g.name === 'All').peers_count, 2);
      assert.equal((await f.call('GET', `/api/groups/${id}`)).json.name, 'devs');

      const updated = await f.call('PUT', `/api/groups/${id}`, { body: { name: 'developers', peers: [p1.id, p2.id] } });
      assert.equal(updated.status, 200);
      assert.equal(updated.json.peers_count, 2);
      assert.equal(await f.serial(), ++serial);

      await assertHiddenFromOther(f, `/api/groups/${id}`, { name: 'stolen' });
      assert.equal((await f.call('GET', '/api/groups', { token: f.other.token })).json.some((g: { id: string }) => g.id === id), false);

      const del = await f.call('DELETE', `/api/groups/${id}`);
      assert.equal(del.status, 200);
      assert.deepEqual(del.json, {});
      assert.equal(await f.serial(), ++serial);
      assert.equal((await f.call('GET', `/api/groups/${id}`)).status, 404);
    });

    test('groups: invalid requests', async () => {
      const all = (await f.services.groups.list(f.main.accountId)).find((g) => g.name === 'All')!;
      await f.call('POST', '/api/groups', { body: { name: 'taken' } });
      await assertInvalid(f, 'POST', '/api/groups', [
        ['empty name', { name: '' }, 422],
        ['missing name', { peers: [] }, 422],
        ['name as number', { name: 5 }, 400],
        ['unknown peer', { name: 'g', peers: ['nope'] }, 422],
        ['peer of another account', { name: 'g', peers: [(await f.addPeer(f.other.accountId, 'x')).id] }, 422],
        ['duplicate name', { name: 'taken' }, 409],
      ]);
      await assertInvalid(f, 'PUT', `/api/groups/${all.id}`, [['update All', { name: 'All', peers: [] }, 422]]);
      const delAll = await f.call('DELETE', `/api/groups/${all.id}`);
      assert.equal(delAll.status, 412);
      assert.ok(isErrorBody(delAll.json, 412));
    });

    test('policies: create, list, get, update, delete', async () => {
      const all = (await f.services.groups.list(f.main.accountId)).find((g) => g.name === 'All')!;
      const rule = { name: 'ssh', enabled: true, action: 'accept', bidirectional: false, protocol: 'tcp', ports: ['22'], sources: [all.id], destinations: [all.id] };
      let serial = await f.serial();
      const created = await f.call('POST', '/api/policies', { body: { name: 'ssh only', enabled: true, rules: [rule] } });
      assert.equal(created.status, 200, JSON.stringify(created.json));
      assert.equal(await f.serial(), ++serial);
      const id = created.json.id as string;
      assert.equal(created.json.description, '');
      assert.deepEqual(created.json.source_posture_checks, []);
      const [r] = created.json.rules;
      assert.deepEqual({ ...r, id: undefined }, {
        id: undefined, name: 'ssh', description: '', enabled: true, action: 'accept', bidirectional: false, protocol: 'tcp', ports: ['22'],
        sources: [{ id: all.id, name: 'All', peers_count: 2, resources_count: 0, issued: 'api' }],
        destinations: [{ id: all.id, name: 'All', peers_count: 2, resources_count: 0, issued: 'api' }],
      });

      assert.equal((await f.call('GET', '/api/policies')).json.length, 2);
      assert.equal((await f.call('GET', `/api/policies/${id}`)).json.name, 'ssh only');

      const updated = await f.call('PUT', `/api/policies/${id}`, {
        body: { name: 'web', enabled: false, rules: [{ ...rule, id: r.id, name: 'web', ports: undefined, port_ranges: [{ start: 8000, end: 8080 }] }] },
      });
      assert.equal(updated.status, 200, JSON.stringify(updated.json));
      assert.equal(updated.json.enabled, false);
      assert.equal(updated.json.rules[0].id, r.id, 'rule ID kept on update');
      assert.deepEqual(updated.json.rules[0].port_ranges, [{ start: 8000, end: 8080 }]);
      assert.equal('ports' in updated.json.rules[0], false);
      assert.equal(await f.serial(), ++serial);

      await assertHiddenFromOther(f, `/api/policies/${id}`, { name: 'x', enabled: true, rules: [rule] });

      assert.equal((await f.call('DELETE', `/api/policies/${id}`)).status, 200);
      assert.equal(await f.serial(), ++serial);
      assert.equal((await f.call('GET', `/api/policies/${id}`)).status, 404);
    });

    test('policies: invalid requests', async () => {
      const all = (await f.services.groups.list(f.main.accountId)).find((g) => g.name === 'All')!;
      const rule = { name: 'r', enabled: true, action: 'accept', bidirectional: true, protocol: 'all', sources: [all.id], destinations: [all.id] };
      await assertInvalid(f, 'POST', '/api/policies', [
        ['no rules', { name: 'p', enabled: true, rules: [] }, 422],
        ['missing rules', { name: 'p', enabled: true }, 422],
        ['empty name', { name: '', enabled: true, rules: [rule] }, 422],
        ['enabled as string', { name: 'p', enabled: 'yes', rules: [rule] }, 400],
        ['unknown action', { name: 'p', enabled: true, rules: [{ ...rule, action: 'maybe' }] }, 422],
        ['unknown protocol', { name: 'p', enabled: true, rules: [{ ...rule, protocol: 'sctp' }] }, 422],
        ['ports with all', { name: 'p', enabled: true, rules: [{ ...rule, ports: ['80'] }] }, 422],
        ['port out of range', { name: 'p', enabled: true, rules: [{ ...rule, protocol: 'tcp', ports: ['70000'] }] }, 422],
        ['no sources', { name: 'p', enabled: true, rules: [{ ...rule, sources: undefined }] }, 422],
        ['unknown group', { name: 'p', enabled: true, rules: [{ ...rule, sources: ['nope'] }] }, 422],
        ['unknown posture check', { name: 'p', enabled: true, source_posture_checks: ['nope'], rules: [rule] }, 422],
      ]);
    });

    test('routes: create, list, get, update, delete', async () => {
      const all = (await f.services.groups.list(f.main.accountId)).find((g) => g.name === 'All')!;
      const body = { description: 'office', network_id: 'office', enabled: true, peer: p1.id, network: '10.10.0.0/16', metric: 100, masquerade: true, groups: [all.id], keep_route: false };
      let serial = await f.serial();
      const created = await f.call('POST', '/api/routes', { body });
      assert.equal(created.status, 200, JSON.stringify(created.json));
      assert.equal(await f.serial(), ++serial);
      const id = created.json.id as string;
      assert.deepEqual(created.json, {
        id, network_type: 'IPv4', description: 'office', network_id: 'office', enabled: true, peer: p1.id, network: '10.10.0.0/16',
        domains: [], metric: 100, masquerade: true, groups: [all.id], keep_route: false, skip_auto_apply: false,
      });
      assert.deepEqual((await f.call('GET', '/api/routes')).json.map((r: { id: string }) => r.id), [id]);
      assert.equal((await f.call('GET', `/api/routes/${id}`)).json.network, '10.10.0.0/16');

      const domains = { ...body, network: undefined, domains: ['example.com'], peer: undefined, peer_groups: [all.id], access_control_groups: [all.id] };
      const updated = await f.call('PUT', `/api/routes/${id}`, { body: domains });
      assert.equal(updated.status, 200, JSON.stringify(updated.json));
      assert.equal(updated.json.network_type, 'Domain');
      assert.deepEqual(updated.json.domains, ['example.com']);
      assert.deepEqual(updated.json.peer_groups, [all.id]);
      assert.deepEqual(updated.json.access_control_groups, [all.id]);
      assert.equal(await f.serial(), ++serial);

      await assertHiddenFromOther(f, `/api/routes/${id}`, body);
      assert.deepEqual((await f.call('GET', '/api/routes', { token: f.other.token })).json, []);

      assert.equal((await f.call('DELETE', `/api/routes/${id}`)).status, 200);
      assert.equal(await f.serial(), ++serial);
      assert.equal((await f.call('GET', `/api/routes/${id}`)).status, 404);
    });

    test('routes: invalid requests', async () => {
      const all = (await f.services.groups.list(f.main.accountId)).find((g) => g.name === 'All')!;
      const body = { description: '', network_id: 'n', enabled: true, peer: p1.id, network: '10.1.0.0/24', metric: 10, masquerade: false, groups: [all.id], keep_route: false };
      await assertInvalid(f, 'POST', '/api/routes', [
        ['network and domains', { ...body, domains: ['a.com'] }, 422],
        ['neither network nor domains', { ...body, network: undefined }, 422],
        ['peer and peer groups', { ...body, peer_groups: [all.id] }, 422],
        ['bad network', { ...body, network: '10.1.0.300/24' }, 422],
        ['metric zero', { ...body, metric: 0 }, 422],
        ['metric as string', { ...body, metric: '10' }, 400],
        ['long network id', { ...body, network_id: 'x'.repeat(41) }, 422],
        ['no groups', { ...body, groups: [] }, 422],
        ['unknown peer', { ...body, peer: 'nope' }, 422],
        ['missing masquerade', { ...body, masquerade: undefined }, 422],
      ]);
    });

    test('no unexpected error was logged', () => {
      assert.deepEqual(f.logged, []);
    });
  });
}
