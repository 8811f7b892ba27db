/**
 * Accounts, users and personal access tokens over the admin API on a real store: shapes as
 * upstream's OpenAPI, settings writes that move the serial through the domain, the plain
 * token shown exactly once, and another account's objects answering 404.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { storeEngines } from '../conformance/store-engines.js';
import { isErrorBody, openRestFixture, type RestFixture } from './rest-fixture.js';

const ENGINES = await storeEngines('restaccounts');

const SETTINGS = {
  peer_login_expiration_enabled: true,
  peer_login_expiration: 86_400,
  peer_inactivity_expiration_enabled: false,
  peer_inactivity_expiration: 600,
  regular_users_view_blocked: true,
};

for (const engine of ENGINES) {
  describe(`REST accounts, users and tokens on ${engine.name}`, { skip: engine.skip }, () => {
    let f: RestFixture;
    before(async () => {
      f = await openRestFixture(engine);
    });
    after(() => f?.close());

    test('GET /api/accounts lists the caller account with upstream fields', async () => {
      const res = await f.call('GET', '/api/accounts');
      assert.equal(res.status, 200);
      assert.equal(res.json.length, 1);
      const [a] = res.json;
      assert.equal(a.id, f.main.accountId);
      assert.equal(a.created_by, f.main.ownerId);
      assert.match(a.created_at, /^\d{4}-\d\d-\d\dT/);
      assert.deepEqual(a.onboarding, { signup_form_pending: false, onboarding_flow_pending: false });
      assert.equal(a.settings.peer_login_expiration, 86_400);
      assert.equal(a.settings.peer_login_expiration_enabled, true);
      assert.equal(a.settings.extra.peer_approval_enabled, false);
      assert.equal('network_range' in a.settings, false, 'unset range is left out');
      const other = await f.call('GET', '/api/accounts', { token: f.other.token });
      assert.deepEqual(other.json.map((x: { id: string }) => x.id), [f.other.accountId]);
    });

    test('PUT /api/accounts/{id} updates settings through the domain and moves the serial', async () => {
      const before = await f.serial();
      const res = await f.call('PUT', `/api/accounts/${f.main.accountId}`, {
        body: { settings: { ...SETTINGS, peer_login_expiration: 7200, lazy_connection_enabled: true, dns_domain: 'corp.example' } },
      });
      assert.equal(res.status, 200);
      assert.equal(res.json.settings.peer_login_expiration, 7200);
      assert.equal(res.json.settings.lazy_connection_enabled, true);
      assert.equal(res.json.settings.dns_domain, 'corp.example');
      assert.equal(await f.serial(), before + 1, 'lazy connection and DNS domain change maps');
      assert.equal((await f.services.accounts.get(f.main.accountId)).settings.peerLoginExpiration, 7200);
      assert.equal(await f.serial(f.other.accountId), 0, 'the other account is untouched');
    });

    test('PUT of another account is 404; invalid settings are 400/422', async () => {
      const other = await f.call('PUT', `/api/accounts/${f.other.accountId}`, { body: { settings: SETTINGS } });
      assert.equal(other.status, 404);
      assert.ok(isErrorBody(other.json, 404));
      const cases: [string, unknown, number][] = [
        ['wrong type', { settings: { ...SETTINGS, peer_login_expiration: 'soon' } }, 400],
        ['not an object', [1, 2], 400],
        ['missing settings', {}, 422],
        ['missing member', { settings: { peer_login_expiration: 3600 } }, 422],
        ['below one hour', { settings: { ...SETTINGS, peer_login_expiration: 60 } }, 422],
        ['bad range', { settings: { ...SETTINGS, network_range: 'not-a-cidr' } }, 422],
      ];
      for (const [name, body, code] of cases) {
        const res = await f.call('PUT', `/api/accounts/${f.main.accountId}`, { body });
        assert.equal(res.status, code, `${name}: ${JSON.stringify(res.json)}`);
        assert.ok(isErrorBody(res.json, code), name);
      }
      const unparsable = await f.call('PUT', `/api/accounts/${f.main.accountId}`, { raw: '{"settings": ' });
      assert.equal(unparsable.status, 400);
      assert.deepEqual(unparsable.json, { message: "couldn't parse JSON request", code: 400 });
    });

    test('users: list, create, update, delete; another account sees none of them', async () => {
      const list = await f.call('GET', '/api/users');
      assert.equal(list.status, 200);
      const owner = list.json.find((u: { id: string }) => u.id === f.main.ownerId);
      assert.deepEqual(
        { role: owner.role, status: owner.status, is_current: owner.is_current, is_service_user: owner.is_service_user, is_blocked: owner.is_blocked },
        { role: 'owner', status: 'active', is_current: true, is_service_user: false, is_blocked: false },
      );
      assert.deepEqual(owner.auto_groups, []);

      const created = await f.call('POST', '/api/users', { body: { name: 'svc', role: 'admin', auto_groups: [], is_service_user: true } });
      assert.equal(created.status, 200);
      assert.equal(created.json.is_service_user, true);
      assert.equal(created.json.is_current, false);
      const id = created.json.id as string;

      const services = await f.call('GET', '/api/users?service_user=true');
      assert.deepEqual(services.json.map((u: { id: string }) => u.id), [id]);

      const updated = await f.call('PUT', `/api/users/${id}`, { body: { role: 'auditor', auto_groups: [], is_blocked: false } });
      assert.equal(updated.status, 200);
      assert.equal(updated.json.role, 'auditor');

      assert.equal((await f.call('PUT', `/api/users/${id}`, { token: f.other.token, body: { role: 'user', auto_groups: [], is_blocked: false } })).status, 404);
      assert.equal((await f.call('DELETE', `/api/users/${id}`, { token: f.other.token })).status, 404);
      const otherList = await f.call('GET', '/api/users', { token: f.other.token });
      assert.equal(otherList.json.some((u: { id: string }) => u.id === id), false);

      const badRole = await f.call('PUT', `/api/users/${id}`, { body: { role: 'emperor', auto_groups: [], is_blocked: false } });
      assert.equal(badRole.status, 422);
      assert.ok(isErrorBody(badRole.json, 422));

      const del = await f.call('DELETE', `/api/users/${id}`);
      assert.equal(del.status, 200);
      assert.deepEqual(del.json, {});
      assert.equal((await f.call('GET', '/api/users')).json.some((u: { id: string }) => u.id === id), false);
    });

    test('tokens: the plain token is returned once at creation, never afterwards', async () => {
      const url = `/api/users/${f.main.ownerId}/tokens`;
      const created = await f.call('POST', url, { body: { name: 'ci', expires_in: 30 } });
      assert.equal(created.status, 200);
      const plain = created.json.plain_token as string;
      assert.match(plain, /^nbp_[0-9A-Za-z]{36}$/);
      const pat = created.json.personal_access_token;
      assert.deepEqual(Object.keys(pat).sort(), ['created_at', 'created_by', 'expiration_date', 'id', 'name']);
      assert.equal(pat.name, 'ci');
      assert.equal(pat.created_by, f.main.ownerId);
      assert.equal(Date.parse(pat.expiration_date) - Date.parse(pat.created_at), 30 * 86_400_000);

      const list = await f.call('GET', url);
      assert.equal(list.status, 200);
      assert.ok(list.json.some((t: { id: string }) => t.id === pat.id));
      assert.equal(JSON.stringify(list.json).includes(plain), false, 'the list never shows the plain token');
      const one = await f.call('GET', `${url}/${pat.id}`);
      assert.equal(one.status, 200);
      assert.equal(one.json.name, 'ci');
      assert.equal(JSON.stringify(one.json).includes(plain), false);

      const used = await f.call('GET', '/api/peers', { token: plain });
      assert.equal(used.status, 200, 'the new token authenticates');
      assert.ok((await f.call('GET', `${url}/${pat.id}`)).json.last_used, 'last_used appears once used');

      const del = await f.call('DELETE', `${url}/${pat.id}`);
      assert.equal(del.status, 200);
      assert.equal((await f.call('GET', `${url}/${pat.id}`)).status, 404);
      assert.equal((await f.call('GET', '/api/peers', { token: plain })).status, 401);
    });

    test('tokens of another account are 404; invalid token requests are 400/422', async () => {
      assert.equal((await f.call('GET', `/api/users/${f.other.ownerId}/tokens`)).status, 404);
      assert.equal((await f.call('POST', `/api/users/${f.other.ownerId}/tokens`, { body: { name: 'x', expires_in: 1 } })).status, 404);
      const theirs = (await f.services.tokens.list(f.other.accountId, f.other.ownerId))[0]!;
      assert.equal((await f.call('DELETE', `/api/users/${f.other.ownerId}/tokens/${theirs.id}`)).status, 404);
      assert.equal((await f.call('GET', `/api/users/${f.main.ownerId}/tokens/${theirs.id}`)).status, 404);
      assert.equal((await f.call('GET', '/api/peers', { token: f.other.token })).status, 200, 'their token still works');

      const url = `/api/users/${f.main.ownerId}/tokens`;
      const cases: [string, unknown, number][] = [
        ['zero days', { name: 'x', expires_in: 0 }, 422],
        ['over a year', { name: 'x', expires_in: 366 }, 422],
        ['empty name', { name: '', expires_in: 3 }, 422],
        ['missing name', { expires_in: 3 }, 422],
        ['string days', { name: 'x', expires_in: '3' }, 400],
        ['fractional days', { name: 'x', expires_in: 1.5 }, 400],
      ];
      for (const [name, body, code] of cases) {
        const res = await f.call('POST', url, { body });
        assert.equal(res.status, code, name);
        assert.ok(isErrorBody(res.json, code), name);
      }
    });

    test('an admin manages a service user\'s tokens', async () => {
      const svc = await f.services.users.create(f.main.accountId, { name: 'bot', email: '', role: 'user', autoGroups: [], isServiceUser: true });
      const res = await f.call('POST', `/api/users/${svc.id}/tokens`, { body: { name: 'bot', expires_in: 10 } });
      assert.equal(res.status, 200);
      assert.equal(res.json.personal_access_token.created_by, f.main.ownerId);
      assert.equal((await f.call('GET', '/api/groups', { token: res.json.plain_token })).status, 200, 'service users read everything (upstream)');
      const write = await f.call('POST', '/api/groups', { token: res.json.plain_token, body: { name: 'bot-group' } });
      assert.deepEqual([write.status, write.json], [403, { message: 'permission denied', code: 403 }], 'but write only as their role allows');
    });

    test('no unexpected error was logged', () => {
      assert.deepEqual(f.logged, []);
    });
  });
}
