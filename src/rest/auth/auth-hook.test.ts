import { test } from 'node:test';
import assert from 'node:assert/strict';
import Fastify from 'fastify';
import type { Account, User } from '../../domain/model.js';
import { PAT_PREFIX, patChecksum } from '../../domain/users/personal-access-token-format.js';
import { httpFailureOf } from '../errors.js';
import { createAuthHook, type AuthDeps } from './auth-hook.js';
import { callerOf } from './caller.js';

const account = { id: 'a' } as Account;
const user = (id: string) => ({ id, accountId: 'a', lastLogin: null }) as User;

/** A bare app with the hook, upstream's public paths and one private one; answers who called. */
function app(deps: Partial<AuthDeps> = {}) {
  const a = Fastify();
  a.addHook('onRequest', createAuthHook(deps as AuthDeps));
  a.setErrorHandler((err, _req, reply) => {
    const failure = httpFailureOf(err);
    return reply.status(failure.status).send(failure.body);
  });
  const who = async (req: object) => {
    try {
      return { caller: callerOf(req).user.id };
    } catch {
      return { caller: null };
    }
  };
  for (const url of ['/api/instance', '/api/instance/version', '/api/setup', '/api/users/invites/:token', '/api/users/invites/:token/accept', '/api/groups']) a.get(url, who);
  return a;
}

test('upstream\'s public paths skip authentication; their neighbours do not', async () => {
  const a = app();
  const cases: [string, number][] = [
    ['/api/instance', 200],
    ['/api/setup', 200],
    ['/api/users/invites/nbi_abc', 200],
    ['/api/users/invites/nbi_abc/accept', 200],
    ['/api/instance/version', 401],
    ['/api/users/invites/abc', 401],
    ['/api/groups', 401],
  ];
  for (const [url, status] of cases) {
    const res = await a.inject({ method: 'GET', url });
    assert.equal(res.statusCode, status, url);
    if (status === 200) assert.deepEqual(res.json(), { caller: null }, url);
    else assert.deepEqual(res.json(), { message: 'no valid authentication provided', code: 401 }, url);
  }
});

test('the scheme picks the path: Token and Bearer nbp_ to the PAT check, Bearer to the JWT pipeline', async () => {
  const seen: string[] = [];
  const a = app({
    tokens: { identify: async (plain: string) => (seen.push(`pat ${plain.slice(0, 4)}`), { user: user('pat-user'), account, token: {} as never }) } as never,
    jwt: { validate: async (t: string) => (seen.push(`jwt ${t}`), { userId: 'sso' } as never) },
    resolveUser: async () => ({ user: user('sso'), account }),
    users: { get: async (_a: string, id: string) => user(id) } as never,
  });
  const secret = 'a'.repeat(30);
  const token = PAT_PREFIX + secret + patChecksum(secret);
  assert.deepEqual((await a.inject({ method: 'GET', url: '/api/groups', headers: { authorization: `Bearer ${token}` } })).json(), { caller: 'pat-user' });
  assert.deepEqual((await a.inject({ method: 'GET', url: '/api/groups', headers: { authorization: `Token ${token}` } })).json(), { caller: 'pat-user' });
  assert.deepEqual((await a.inject({ method: 'GET', url: '/api/groups', headers: { authorization: 'Bearer eyJ.x.y' } })).json(), { caller: 'sso' });
  assert.deepEqual(seen, ['pat nbp_', 'pat nbp_', 'jwt eyJ.x.y']);
  const malformed = await a.inject({ method: 'GET', url: '/api/groups', headers: { authorization: 'Token a b' } });
  assert.deepEqual([malformed.statusCode, malformed.json()], [401, { message: 'token invalid', code: 401 }]);
});
