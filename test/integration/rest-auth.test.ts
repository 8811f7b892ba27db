/**
 * Admin API authentication and roles over a real store: missing, malformed, wrong-checksum,
 * unknown, revoked and expired tokens are 401 with upstream's body; `Bearer` is accepted; a
 * blocked user is 403; a regular user reads only their own user and peers and cannot write.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { generatePlainToken } from '../../src/domain/users/personal-access-token-format.js';
import { cryptoRandom } from '../../src/domain/random.js';
import { storeEngines } from '../conformance/store-engines.js';
import { isErrorBody, openRestFixture, type RestFixture } from './rest-fixture.js';

const ENGINES = await storeEngines('restauth');
const DAY = 86_400_000;

/** Changes one character of the checksum part so the format stays valid but the CRC does not match. */
const breakChecksum = (t: string): string => t.slice(0, -1) + (t.endsWith('A') ? 'B' : 'A');

for (const engine of ENGINES) {
  describe(`REST auth on ${engine.name}`, { skip: engine.skip }, () => {
    let f: RestFixture;
    before(async () => {
      f = await openRestFixture(engine);
    });
    after(() => f?.close());

    test('a valid token reads the API, with Token or Bearer', async () => {
      for (const scheme of ['Token', 'Bearer', 'token']) {
        const res = await f.app.inject({ method: 'GET', url: '/api/groups', headers: { authorization: `${scheme} ${f.main.token}` } });
        assert.equal(res.statusCode, 200, scheme);
      }
    });

    test('missing, malformed, wrong-checksum and unknown tokens are 401 with the error body', async () => {
      const cases: [string, Record<string, string>][] = [
        ['no header', {}],
        ['empty header', { authorization: '' }],
        ['scheme only', { authorization: 'Token' }],
        ['other scheme', { authorization: `Basic ${f.main.token}` }],
        ['garbage token', { authorization: 'Token not-a-token' }],
        ['wrong checksum', { authorization: `Token ${breakChecksum(f.main.token)}` }],
        ['well formed but unknown', { authorization: `Token ${generatePlainToken(cryptoRandom)}` }],
      ];
      for (const [name, headers] of cases) {
        const res = await f.app.inject({ method: 'GET', url: '/api/peers', headers });
        assert.equal(res.statusCode, 401, name);
        assert.ok(isErrorBody(res.json(), 401), `${name}: ${res.body}`);
      }
    });

    test('every resource family requires the token', async () => {
      const urls = ['/api/accounts', '/api/users', `/api/users/${f.main.ownerId}/tokens`, '/api/peers', '/api/groups', '/api/policies',
        '/api/setup-keys', '/api/routes', '/api/dns/nameservers', '/api/dns/settings', '/api/posture-checks'];
      for (const url of urls) {
        const res = await f.call('GET', url, { token: null });
        assert.equal(res.status, 401, url);
        assert.ok(isErrorBody(res.json, 401), url);
      }
      const write = await f.call('POST', '/api/groups', { token: null, body: { name: 'x' } });
      assert.equal(write.status, 401);
      assert.equal((await f.services.groups.list(f.main.accountId)).some((g) => g.name === 'x'), false, 'nothing written');
    });

    test('a deleted token stops working', async () => {
      const created = await f.services.tokens.create(f.main.accountId, f.main.ownerId, { name: 'short', expiresInDays: 1 });
      assert.equal((await f.call('GET', '/api/groups', { token: created.plainToken })).status, 200);
      const del = await f.call('DELETE', `/api/users/${f.main.ownerId}/tokens/${created.token.id}`);
      assert.equal(del.status, 200);
      assert.equal((await f.call('GET', '/api/groups', { token: created.plainToken })).status, 401);
    });

    test('a blocked user is refused (403)', async () => {
      const user = await f.services.users.create(f.main.accountId, { name: 'b', email: '', role: 'admin', autoGroups: [], isServiceUser: true });
      const { plainToken } = await f.services.tokens.create(f.main.accountId, user.id, { name: 't', expiresInDays: 5 });
      assert.equal((await f.call('GET', '/api/groups', { token: plainToken })).status, 200);
      const blocked = await f.call('PUT', `/api/users/${user.id}`, { body: { role: 'admin', auto_groups: [], is_blocked: true } });
      assert.equal(blocked.status, 200);
      assert.equal(blocked.json.is_blocked, true);
      const res = await f.call('GET', '/api/groups', { token: plainToken });
      assert.deepEqual([res.status, res.json], [403, { message: 'failed to validate user permissions: user is blocked', code: 403 }]);
    });

    test('a regular user reads their own user and peers only, and cannot write', async () => {
      const user = await f.services.users.create(f.main.accountId, { name: 'reg', email: 'r@x', role: 'user', autoGroups: [], isServiceUser: false });
      const { plainToken: token } = await f.services.tokens.create(f.main.accountId, user.id, { name: 't', expiresInDays: 5 });
      await f.addPeer(f.main.accountId, 'someone-elses');

      const users = await f.call('GET', '/api/users', { token });
      assert.equal(users.status, 200);
      assert.deepEqual(users.json.map((u: { id: string }) => u.id), [user.id]);
      assert.equal(users.json[0].is_current, true);

      const peers = await f.call('GET', '/api/peers', { token });
      assert.equal(peers.status, 200);
      assert.deepEqual(peers.json, [], 'no peer of theirs; the view of others is blocked');

      for (const url of ['/api/groups', '/api/policies', '/api/setup-keys', '/api/routes', '/api/dns/nameservers', '/api/dns/settings', '/api/posture-checks', '/api/accounts']) {
        const res = await f.call('GET', url, { token });
        assert.equal(res.status, 403, url);
        assert.ok(isErrorBody(res.json, 403), url);
      }
      const before = await f.serial();
      const write = await f.call('POST', '/api/groups', { token, body: { name: 'nope' } });
      assert.equal(write.status, 403);
      assert.equal(await f.serial(), before, 'a refused write changes nothing');

      // Role `user` has no `pats` grant (IDENTITY.md §3.3): not even their own tokens.
      const own = await f.call('POST', `/api/users/${user.id}/tokens`, { token, body: { name: 'mine', expires_in: 7 } });
      assert.deepEqual([own.status, own.json], [403, { message: 'permission denied', code: 403 }]);
      assert.equal((await f.call('GET', `/api/users/${f.main.ownerId}/tokens`, { token })).status, 403);
    });

    test('an expired token is 401', async () => {
      const created = await f.services.tokens.create(f.main.accountId, f.main.ownerId, { name: 'brief', expiresInDays: 1 });
      assert.equal((await f.call('GET', '/api/groups', { token: created.plainToken })).status, 200);
      f.deps.clock.advance(2 * DAY);
      const res = await f.call('GET', '/api/groups', { token: created.plainToken });
      assert.equal(res.status, 401);
      assert.ok(isErrorBody(res.json, 401));
      assert.equal((await f.call('GET', '/api/groups')).status, 200, 'the 30-day token still works');
    });

    test('no unexpected error was logged', () => {
      assert.deepEqual(f.logged, []);
    });
  });
}
