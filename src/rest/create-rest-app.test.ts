import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ManualClock } from '../domain/clock.js';
import { notFound, unauthenticated } from '../domain/errors.js';
import type { Account, Group, User } from '../domain/model.js';
import { cryptoRandom } from '../domain/random.js';
import { generatePlainToken } from '../domain/users/personal-access-token-format.js';
import { createRestApp } from './create-rest-app.js';
import type { RestDeps } from './rest-deps.js';

const owner = { id: 'u', accountId: 'a', role: 'owner', isServiceUser: false, blocked: false, pendingApproval: false } as User;
const account = { id: 'a', settings: { dnsDomain: '', regularUsersViewBlocked: true } } as Account;
/** The one token the stub knows; well-formed, as the edge checks the format before any lookup. */
const GOOD = generatePlainToken(cryptoRandom);

/** Just enough deps for the edge behaviour under test; a service call nobody stubbed fails the test. */
function stubDeps(over: { groups?: Partial<RestDeps['groups']> } = {}) {
  const logged: unknown[] = [];
  const deps = {
    tokens: {
      identify: async (plain: string) => {
        if (plain !== GOOD) throw unauthenticated('invalid or expired token');
        return { user: owner, account, token: {} };
      },
    },
    peers: { list: async () => [] },
    networkResources: { listAll: async () => [] },
    groups: {
      list: async (): Promise<Group[]> => [],
      delete: async () => undefined,
      get: async (_a: string, id: string): Promise<Group> => {
        throw notFound(`group ${id} not found`);
      },
      ...over.groups,
    },
    clock: new ManualClock(),
    dnsDomain: 'netbird.selfhosted',
    log: { error: (obj: Record<string, unknown>) => logged.push(obj) },
  } as unknown as RestDeps;
  return { app: createRestApp(deps), logged };
}

const auth = { authorization: `Token ${GOOD}` };

test('the app is built without listening', async () => {
  const { app } = stubDeps();
  await app.ready();
  assert.equal(app.server.listening, false);
  await app.close();
});

test('an unexpected error is answered 500 without details and logged once', async () => {
  const { app, logged } = stubDeps({
    groups: {
      list: async () => {
        throw new Error('connection reset by /var/run/db.sock');
      },
    },
  });
  const res = await app.inject({ method: 'GET', url: '/api/groups', headers: auth });
  assert.equal(res.statusCode, 500);
  assert.deepEqual(res.json(), { message: 'internal server error', code: 500 });
  assert.equal(logged.length, 1);
  assert.match(String((logged[0] as { err: Error }).err.message), /connection reset/, 'the log has the detail the client does not');
  await app.close();
});

test('domain errors keep their message and status; nothing is logged', async () => {
  const { app, logged } = stubDeps();
  const res = await app.inject({ method: 'GET', url: '/api/groups/g9', headers: auth });
  assert.equal(res.statusCode, 404);
  assert.deepEqual(res.json(), { message: 'group g9 not found', code: 404 });
  const bad = await app.inject({ method: 'GET', url: '/api/groups', headers: { authorization: 'Token bad' } });
  assert.deepEqual([bad.statusCode, bad.json()], [401, { message: 'token invalid', code: 401 }]);
  assert.deepEqual(logged, []);
  await app.close();
});

test('unknown routes are 404 with the error body', async () => {
  const { app } = stubDeps();
  for (const url of ['/api/nothing', '/elsewhere']) {
    const res = await app.inject({ method: 'GET', url, headers: auth });
    assert.equal(res.statusCode, 404, url);
    assert.deepEqual(res.json(), { message: 'not found', code: 404 });
  }
  await app.close();
});

test('bodies are JSON whatever the content type; an empty body is no body', async () => {
  const { app } = stubDeps();
  const form = await app.inject({ method: 'POST', url: '/api/groups', headers: { ...auth, 'content-type': 'application/x-www-form-urlencoded' }, payload: '{"name":' });
  assert.deepEqual([form.statusCode, form.json()], [400, { message: "couldn't parse JSON request", code: 400 }]);
  const noType = await app.inject({ method: 'POST', url: '/api/groups', headers: auth, payload: '{"peers": 3}' });
  assert.deepEqual([noType.statusCode, noType.json()], [400, { message: "couldn't parse JSON request", code: 400 }], 'parsed, then the wrong type is a 400');
  const emptyPost = await app.inject({ method: 'POST', url: '/api/groups', headers: { ...auth, 'content-type': 'application/json' }, payload: '' });
  assert.equal(emptyPost.statusCode, 400, 'a required body that is absent');
  const emptyDelete = await app.inject({ method: 'DELETE', url: '/api/groups/g1', headers: { ...auth, 'content-type': 'application/json' }, payload: '' });
  assert.deepEqual([emptyDelete.statusCode, emptyDelete.json()], [200, {}]);
  await app.close();
});

const ORIGIN = 'https://dashboard.example';

test('a preflight on a registered route is 200, empty, with the CORS headers, and needs no token', async () => {
  const { app } = stubDeps();
  for (const url of ['/api/groups', '/api/groups/g1', '/api/users/current', '/api/users/u/tokens/t']) {
    const res = await app.inject({
      method: 'OPTIONS', url,
      headers: { origin: ORIGIN, 'access-control-request-method': 'PUT', 'access-control-request-headers': 'authorization,content-type', authorization: 'Token bad' },
    });
    assert.equal(res.statusCode, 200, url);
    assert.equal(res.body, '', url);
    assert.equal(res.headers['access-control-allow-origin'], '*', url);
    assert.equal(res.headers['access-control-allow-methods'], 'PUT', url);
    assert.equal(res.headers['access-control-allow-headers'], 'Authorization, Content-Type', url);
    assert.equal(res.headers['vary'], 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers', url);
    assert.equal(res.headers['access-control-allow-credentials'], undefined, 'no credentials');
    assert.equal(res.headers['access-control-max-age'], undefined, 'no max-age');
  }
  await app.close();
});

test('requests with an Origin get the grant and Vary, errors included; unregistered paths get no CORS headers', async () => {
  const { app } = stubDeps();
  const ok = await app.inject({ method: 'GET', url: '/api/groups', headers: { ...auth, origin: ORIGIN } });
  assert.deepEqual([ok.statusCode, ok.headers['access-control-allow-origin'], ok.headers['vary']], [200, '*', 'Origin']);
  const denied = await app.inject({ method: 'GET', url: '/api/groups', headers: { origin: ORIGIN } });
  assert.deepEqual([denied.statusCode, denied.headers['access-control-allow-origin']], [401, '*'], 'the 401 is readable cross-origin');
  const noOrigin = await app.inject({ method: 'GET', url: '/api/groups', headers: auth });
  assert.equal(noOrigin.headers['access-control-allow-origin'], undefined);
  for (const [method, url] of [['OPTIONS', '/api/nothing'], ['OPTIONS', '/elsewhere'], ['GET', '/api/nothing']] as const) {
    const res = await app.inject({ method, url, headers: { origin: ORIGIN, 'access-control-request-method': 'GET' } });
    assert.equal(res.statusCode, 404, url);
    assert.deepEqual(res.json(), { message: 'not found', code: 404 });
    assert.equal(res.headers['access-control-allow-origin'], undefined, url);
    assert.equal(res.headers['vary'], undefined, url);
  }
  await app.close();
});

test('an OPTIONS that is not a preflight is authenticated like any call', async () => {
  const { app } = stubDeps();
  const anonymous = await app.inject({ method: 'OPTIONS', url: '/api/groups', headers: { origin: ORIGIN } });
  assert.deepEqual([anonymous.statusCode, anonymous.json()], [401, { message: 'no valid authentication provided', code: 401 }]);
  const known = await app.inject({ method: 'OPTIONS', url: '/api/groups', headers: auth });
  assert.deepEqual([known.statusCode, known.body], [200, '']);
  await app.close();
});

test('router errors use the API error body without echoing the URL', async () => {
  const { app } = stubDeps();
  const bad = await app.inject({ method: 'GET', url: '/api/groups/%zz', headers: auth });
  assert.deepEqual([bad.statusCode, bad.json()], [400, { message: 'malformed URL', code: 400 }]);
  const long = await app.inject({ method: 'GET', url: `/api/groups/${'a'.repeat(500)}`, headers: auth });
  assert.deepEqual([long.statusCode, long.json()], [414, { message: 'URI too long', code: 414 }]);
  await app.close();
});
