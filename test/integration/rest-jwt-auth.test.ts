/**
 * The admin API with `Authorization: Bearer <JWT>` (IDENTITY.md §3.1–3.4) against a real OpenID
 * provider, through the real server over HTTP, on SQLite and PostgreSQL. Roost is pointed at the
 * provider only through `OIDCConfigEndpoint`. The first SSO user provisions the account as its
 * owner and has the owner's rights; a second joins pending approval, a third (approval off) with
 * role `user` and its 403s; blocked users get upstream's messages; bad tokens of every kind are
 * 401 `token invalid` and provision nothing; `Bearer nbp_…` is a PAT; `nb_last_login` is stored;
 * the JWT-groups gate is 401; preflights need no credentials.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeJwt, decodeProtectedHeader, importJWK, SignJWT, type JWTPayload } from 'jose';
import { parseManagementJson } from '../../src/config/management-json.js';
import { generatePlainToken, hashToken } from '../../src/domain/users/personal-access-token-format.js';
import { cryptoRandom } from '../../src/domain/random.js';
import { customClaimName } from '../../src/identity/index.js';
import type { Store } from '../../src/store/index.js';
import { OidcTestProvider, type OidcTestUser } from '../harness/oidc-test-provider.js';
import { openPostgresTestStore, postgresSkipReason } from '../harness/postgres-test-store.js';
import { pollUntil } from '../harness/poll.js';
import { startTestServer, type TestServer } from '../harness/test-server.js';

const PEOPLE: readonly OidcTestUser[] = [
  { sub: 'alice', email: 'alice@corp.test', name: 'Alice Owner', groups: ['engineering', 'ops'] },
  { sub: 'bob', email: 'bob@corp.test', name: 'Bob Pending', groups: ['engineering'] },
  { sub: 'carol', email: 'carol@corp.test', name: 'Carol Regular', groups: ['engineering'] },
  { sub: 'dave', email: 'dave@corp.test', name: 'Dave Sales', groups: ['sales'] },
];
const TOKEN_INVALID = { message: 'token invalid', code: 401 };
const NO_AUTH = { message: 'no valid authentication provided', code: 401 };
/** The five members `PUT /api/accounts/{id}` always needs, as a new account has them. */
const BASE_SETTINGS = { peer_login_expiration_enabled: true, peer_login_expiration: 86400, peer_inactivity_expiration_enabled: false, peer_inactivity_expiration: 600, regular_users_view_blocked: true };
const MODULES = ['networks', 'groups', 'dns', 'nameservers', 'policies', 'routes', 'pats', 'peers', 'settings', 'events', 'users', 'setup_keys', 'identity_providers', 'accounts', 'remote_jobs', 'services'];
const b64url = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

interface Answer {
  readonly status: number;
  readonly headers: Headers;
  // Arbitrary JSON; asserted field by field.
  readonly json: any;
}

interface Engine {
  readonly name: 'sqlite' | 'postgres';
  readonly skip: string | false;
  /** A store for the server (the server closes it) and what to do once it stopped. */
  open(): Promise<{ store?: Store; drop(): Promise<void> }>;
}

const pgSkip = await postgresSkipReason();
if (pgSkip !== undefined) console.log(`# skipping postgres runs: ${pgSkip}`);
const ENGINES: Engine[] = [
  { name: 'sqlite', skip: false, open: async () => ({ drop: async () => undefined }) },
  { name: 'postgres', skip: pgSkip ?? false, open: () => openPostgresTestStore('restjwt') },
];

/** Real tokens, obtained once for all engines. */
interface Tokens {
  readonly alicePkce: string;
  readonly byUser: ReadonlyMap<string, string>;
  readonly expired: string;
  readonly wrongAudience: string;
  readonly wrongIssuer: string;
  readonly unknownKid: string;
}

let idp: OidcTestProvider;
let tokens: Tokens;

/** A token another issuer (same keys, or keys of its own) issued to alice. */
async function foreignToken(sameKeys: boolean): Promise<string> {
  const other = await OidcTestProvider.start({ users: PEOPLE, audience: idp.audience, ...(sameKeys ? { signingKeys: idp.signingKeys } : {}) });
  try {
    return (await other.deviceFlowToken('alice')).access_token;
  } finally {
    await other.stop();
  }
}

before(async () => {
  idp = await OidcTestProvider.start({ users: PEOPLE });
  const byUser = new Map<string, string>();
  for (const p of PEOPLE) byUser.set(p.sub, (await idp.deviceFlowToken(p.sub)).access_token);
  idp.accessTokenTtlSeconds = 1;
  const expired = (await idp.deviceFlowToken('alice')).access_token;
  idp.accessTokenTtlSeconds = 300;
  tokens = {
    alicePkce: (await idp.pkceToken('alice')).access_token,
    byUser,
    expired,
    wrongAudience: (await idp.deviceFlowToken('alice', { audience: idp.otherAudiences[0]! })).access_token,
    wrongIssuer: await foreignToken(true),
    unknownKid: await foreignToken(false),
  };
});
after(() => idp?.stop());

const jwtOf = (sub: string): string => tokens.byUser.get(sub)!;

/**
 * A token with claims the provider cannot add (NetBird's custom claims), signed with the
 * provider's own key as its issuer and for the API audience.
 */
async function providerSigned(claims: JWTPayload): Promise<string> {
  const jwk = idp.signingKeys[0]!;
  return new SignJWT(claims)
    .setProtectedHeader({ alg: jwk.alg!, kid: jwk.kid! })
    .setIssuer(idp.issuer)
    .setAudience(idp.audience)
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(await importJWK(jwk, jwk.alg));
}

for (const engine of ENGINES) {
  describe(`REST with Bearer JWTs on ${engine.name}`, { skip: engine.skip }, () => {
    let server: TestServer;
    let drop: () => Promise<void>;
    let base: string;
    let accountId: string;

    /** `authorization` null: no header; a bare token is sent as `Bearer <token>`. */
    const call = async (authorization: string | null, method: string, path: string, body?: unknown, extra: Record<string, string> = {}): Promise<Answer> => {
      const headers: Record<string, string> = { ...extra };
      if (authorization !== null) headers['authorization'] = /^\S+ /.test(authorization) ? authorization : `Bearer ${authorization}`;
      if (body !== undefined) headers['content-type'] = 'application/json';
      const res = await fetch(`${base}${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
      const text = await res.text();
      return { status: res.status, headers: res.headers, json: text === '' ? undefined : JSON.parse(text) };
    };
    const answer = (a: Answer) => ({ status: a.status, json: a.json });
    const settings = (over: Record<string, unknown>) => call(jwtOf('alice'), 'PUT', `/api/accounts/${accountId}`, { settings: { ...BASE_SETTINGS, ...over } });

    before(async () => {
      const { store, drop: d } = await engine.open();
      drop = d;
      const file = parseManagementJson(
        JSON.stringify({
          Signal: { Proto: 'http', URI: '127.0.0.1:10000' },
          HttpConfig: { AuthAudience: idp.audience, OIDCConfigEndpoint: idp.discoveryUrl, IdpSignKeyRefreshEnabled: true },
        }),
      );
      server = await startTestServer({ file, overrides: store ? { store } : {} });
      assert.equal(server.app.store.engine, engine.name);
      base = `http://127.0.0.1:${server.ports.http}`;
    });
    after(async () => {
      await server?.stop();
      await drop?.();
    });

    test('no credentials, or a scheme that is neither Token nor Bearer: 401 no valid authentication provided', async () => {
      for (const authorization of [null, 'Basic YWxpY2U6eA==', `Jwt ${jwtOf('alice')}`]) {
        assert.deepEqual(answer(await call(authorization, 'GET', '/api/users/current')), { status: 401, json: NO_AUTH }, String(authorization));
      }
      assert.equal(await server.app.store.repos.accounts.first(), undefined, 'nothing provisioned');
    });

    test('bad JWTs are 401 token invalid and provision nothing', async () => {
      const good = jwtOf('alice');
      const [header, payload, signature] = good.split('.') as [string, string, string];
      const claims = decodeJwt(good);
      assert.equal(decodeProtectedHeader(tokens.wrongIssuer).kid, idp.signingKid, 'same key, other issuer');
      const cases: [string, string][] = [
        ['wrong audience', tokens.wrongAudience],
        ['wrong issuer', tokens.wrongIssuer],
        ['unknown kid', tokens.unknownKid],
        ['tampered claims', `${header}.${b64url({ ...claims, sub: 'mallory' })}.${signature}`],
        ['broken signature', `${header}.${payload}.${signature.slice(0, -4)}${signature.endsWith('AAAA') ? 'BBBB' : 'AAAA'}`],
        ['alg none', `${b64url({ ...decodeProtectedHeader(good), alg: 'none' })}.${payload}.`],
        ['not a JWT', 'Bearer not-a-jwt'],
        ['scheme only', 'Bearer'],
        ['two credentials', `Bearer ${good} ${good}`],
      ];
      for (const [name, token] of cases) {
        assert.deepEqual(answer(await call(token, 'GET', '/api/users/current')), { status: 401, json: TOKEN_INVALID }, name);
      }
      assert.equal(await server.app.store.repos.accounts.first(), undefined, 'nothing provisioned');
      assert.equal(await server.app.store.repos.users.get('mallory'), undefined);
    });

    test('an expired token is refused from its exp on', async () => {
      const exp = decodeJwt(tokens.expired).exp! * 1000;
      const refused = await pollUntil(async () => {
        const a = await call(tokens.expired, 'GET', '/api/users/current');
        return a.status === 401 ? a : undefined;
      }, { what: 'the short-lived token to expire' });
      assert.ok(Date.now() >= exp, 'refused only once expired');
      assert.deepEqual(answer(refused), { status: 401, json: TOKEN_INVALID });
    });

    test('the first SSO user provisions the account as owner: /users/current with upstream\'s shape', async () => {
      const current = await call(tokens.alicePkce, 'GET', '/api/users/current');
      assert.equal(current.status, 200, JSON.stringify(current.json));
      const { permissions, ...user } = current.json;
      assert.deepEqual(user, {
        id: 'alice', email: 'alice@corp.test', name: 'Alice Owner', role: 'owner', status: 'active', last_login: '0001-01-01T00:00:00Z',
        auto_groups: [], is_current: true, is_service_user: false, is_blocked: false, pending_approval: false, issued: 'api',
      });
      assert.equal(permissions.is_restricted, false);
      assert.deepEqual(Object.keys(permissions.modules).sort(), [...MODULES].sort());
      for (const m of MODULES) assert.deepEqual(permissions.modules[m], { create: true, read: true, update: true, delete: true }, m);

      const account = await server.app.store.repos.accounts.first();
      assert.ok(account, 'the account exists now');
      accountId = account.id;
      const stored = await server.app.store.repos.users.get('alice');
      assert.equal(stored?.accountId, accountId);
      assert.equal(stored?.role, 'owner');
    });

    test('the owner\'s JWT carries the owner\'s rights', async () => {
      const alice = jwtOf('alice');
      assert.equal((await call(alice, 'GET', '/api/groups')).status, 200);
      const made = await call(alice, 'POST', '/api/groups', { name: 'sso-made' });
      assert.equal(made.status, 200, JSON.stringify(made.json));
      const accounts = await call(alice, 'GET', '/api/accounts');
      assert.deepEqual([accounts.status, accounts.json[0].id], [200, accountId]);
      assert.equal((await call(alice, 'GET', '/api/users/current')).json.id, 'alice', 'the same user on every call');
      assert.equal((await server.app.store.repos.users.list(accountId)).length, 1);
    });

    test('a second user joins pending approval: refused with upstream\'s messages', async () => {
      const bob = jwtOf('bob');
      assert.deepEqual(answer(await call(bob, 'GET', '/api/users/current')), { status: 403, json: { message: 'user is blocked', code: 403 } });
      const pending = { status: 403, json: { message: 'failed to validate user permissions: user is pending approval', code: 403 } };
      assert.deepEqual(answer(await call(bob, 'GET', '/api/users?service_user=false')), pending);
      assert.deepEqual(answer(await call(bob, 'GET', '/api/groups')), pending);
      const listed = (await call(jwtOf('alice'), 'GET', '/api/users')).json.find((u: { id: string }) => u.id === 'bob');
      assert.deepEqual(
        { role: listed?.role, status: listed?.status, pending_approval: listed?.pending_approval, is_blocked: listed?.is_blocked, email: listed?.email, name: listed?.name },
        { role: 'user', status: 'blocked', pending_approval: true, is_blocked: true, email: 'bob@corp.test', name: 'Bob Pending' },
      );
    });

    test('with approval off a new user joins with role user: their own user only, 403 on admin calls', async () => {
      assert.equal((await settings({ extra: { user_approval_required: false } })).status, 200);
      const carol = jwtOf('carol');
      const current = await call(carol, 'GET', '/api/users/current');
      assert.equal(current.status, 200, JSON.stringify(current.json));
      assert.deepEqual([current.json.role, current.json.status, current.json.pending_approval], ['user', 'active', false]);
      assert.equal(current.json.permissions.is_restricted, true);
      assert.deepEqual(current.json.permissions.modules.groups, { create: false, read: false, update: false, delete: false });

      const users = await call(carol, 'GET', '/api/users');
      assert.deepEqual([users.status, users.json.map((u: { id: string }) => u.id)], [200, ['carol']]);
      const denied = { status: 403, json: { message: 'permission denied', code: 403 } };
      assert.deepEqual(answer(await call(carol, 'GET', '/api/groups')), denied);
      assert.deepEqual(answer(await call(carol, 'GET', '/api/setup-keys')), denied);
      assert.deepEqual(answer(await call(carol, 'POST', '/api/groups', { name: 'carols' })), denied);
      assert.deepEqual(answer(await call(carol, 'POST', '/api/users/carol/tokens', { name: 'mine', expires_in: 7 })), denied);
      const groups = (await call(jwtOf('alice'), 'GET', '/api/groups')).json.map((g: { name: string }) => g.name);
      assert.equal(groups.includes('carols'), false, 'a refused write changes nothing');
    });

    test('a blocked user is refused with upstream\'s messages', async () => {
      const blocked = await call(jwtOf('alice'), 'PUT', '/api/users/carol', { role: 'user', auto_groups: [], is_blocked: true });
      assert.equal(blocked.status, 200, JSON.stringify(blocked.json));
      const carol = jwtOf('carol');
      assert.deepEqual(answer(await call(carol, 'GET', '/api/users')), { status: 403, json: { message: 'failed to validate user permissions: user is blocked', code: 403 } });
      assert.deepEqual(answer(await call(carol, 'GET', '/api/users/current')), { status: 403, json: { message: 'user is blocked', code: 403 } });
    });

    test('Bearer nbp_… is a personal access token', async () => {
      const created = await call(jwtOf('alice'), 'POST', '/api/users/alice/tokens', { name: 'cli', expires_in: 7 });
      assert.equal(created.status, 200, JSON.stringify(created.json));
      const pat: string = created.json.plain_token;
      for (const scheme of ['Bearer', 'bearer', 'Token']) {
        const a = await call(`${scheme} ${pat}`, 'GET', '/api/users/current');
        assert.deepEqual([a.status, a.json.id], [200, 'alice'], scheme);
      }
      assert.deepEqual(answer(await call('Bearer nbp_short', 'GET', '/api/groups')), { status: 401, json: TOKEN_INVALID }, 'malformed');
      const unknown = generatePlainToken(cryptoRandom);
      assert.deepEqual(answer(await call(`Bearer ${unknown}`, 'GET', '/api/groups')), {
        status: 404,
        json: { message: `invalid token: pat: ${hashToken(unknown).toLowerCase()} not found`, code: 404 },
      }, 'well-formed, never issued (upstream\'s Observation)');
    });

    test('nb_last_login is stored when it advanced', async () => {
      const claim = customClaimName(idp.audience, 'nb_last_login');
      const asAlice = async (at: string) => (await call(await providerSigned({ sub: 'alice', [claim]: at }), 'GET', '/api/users/current')).json.last_login;
      assert.equal(await asAlice('2026-03-01T10:00:00Z'), new Date('2026-03-01T10:00:00Z').toISOString());
      assert.equal(await asAlice('2026-02-01T10:00:00Z'), new Date('2026-03-01T10:00:00Z').toISOString(), 'an older login is not stored');
      assert.equal(await asAlice('2026-03-02T08:30:00+02:00'), new Date('2026-03-02T06:30:00Z').toISOString());
      assert.equal((await server.app.store.repos.users.get('alice'))?.lastLogin, Date.parse('2026-03-02T06:30:00Z'));
    });

    test('the JWT-groups gate: a token without an allowed group is 401 token invalid', async () => {
      const on = await settings({ jwt_groups_enabled: true, jwt_groups_claim_name: 'groups', jwt_allow_groups: ['ops'] });
      assert.equal(on.status, 200, JSON.stringify(on.json));
      assert.equal((await call(jwtOf('alice'), 'GET', '/api/users/current')).status, 200, 'alice is in ops');
      assert.deepEqual(answer(await call(jwtOf('dave'), 'GET', '/api/users/current')), { status: 401, json: TOKEN_INVALID });
      const off = await call(jwtOf('alice'), 'PUT', `/api/accounts/${accountId}`, { settings: { ...BASE_SETTINGS, jwt_groups_enabled: false } });
      assert.equal(off.status, 200);
      assert.equal((await call(jwtOf('dave'), 'GET', '/api/users/current')).status, 200, 'let in once the gate is off');
    });

    test('CORS preflights are answered without credentials', async () => {
      const pre = await call(null, 'OPTIONS', '/api/users/current', undefined, { origin: 'https://dashboard.test', 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' });
      assert.equal(pre.status, 200);
      assert.equal(pre.headers.get('access-control-allow-origin'), '*');
      assert.equal(pre.json, undefined);
      const refused = await call(null, 'GET', '/api/users/current', undefined, { origin: 'https://dashboard.test' });
      assert.deepEqual(answer(refused), { status: 401, json: NO_AUTH });
      assert.equal(refused.headers.get('access-control-allow-origin'), '*', 'the dashboard can read the refusal');
    });
  });
}
