/**
 * People with an embedded-IdP login (IDENTITY.md §5.1, §5.2, §5.4, §5.5), over HTTP on SQLite
 * and PostgreSQL: one's own password change, a person added by the owner with a generated
 * password, invite links (create, list, public page, regenerate, accept, delete, expiry), resend.
 * Each person then signs in through the provider's sign-in page.
 */
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { test } from 'node:test';
import { hashInviteToken, newInviteToken } from '../../src/domain/users/invite-token.js';
import { api, cliFlow, pkceSignIn, startEmbeddedIdpServer, type EmbeddedIdpServer } from '../harness/embedded-idp-server.js';
import { openPostgresTestStore, postgresSkipReason } from '../harness/postgres-test-store.js';
import { storeEngines } from '../conformance/store-engines.js';
import { openRestFixture } from './rest-fixture.js';

const OWNER = { email: 'owner@example.test', password: 'a good passphrase', name: 'Olivia Owner' };
const ENGINES = ['sqlite', 'postgres'] as const;

type T = { after(fn: () => unknown): void; skip(msg: string): void };

async function serverOn(t: T, engine: (typeof ENGINES)[number]): Promise<EmbeddedIdpServer | undefined> {
  if (engine === 'sqlite') return startEmbeddedIdpServer();
  const skip = await postgresSkipReason();
  if (skip !== undefined) {
    console.log(`# skipping: ${skip}`);
    t.skip(skip);
    return undefined;
  }
  const pg = await openPostgresTestStore('idpusers');
  t.after(() => pg.drop());
  return startEmbeddedIdpServer({ store: pg.store });
}

/** Sets the owner up and signs them in; their bearer token and user id. */
async function ownerSession(s: EmbeddedIdpServer): Promise<{ token: string; id: string }> {
  const r = await api(s.base, '/setup', undefined, { method: 'POST', body: JSON.stringify(OWNER) });
  assert.equal(r.status, 200, await r.clone().text());
  const token = await signIn(s, OWNER);
  const me = (await (await api(s.base, '/users/current', token)).json()) as { id: string };
  return { token, id: me.id };
}

async function signIn(s: EmbeddedIdpServer, person: { email: string; password: string }): Promise<string> {
  return (await pkceSignIn(cliFlow(s.issuer), person)).tokens.access_token;
}

async function call(s: EmbeddedIdpServer, method: string, path: string, token?: string, body?: unknown): Promise<{ status: number; body: any }> {
  const r = await api(s.base, path, token, { method, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  return { status: r.status, body: await r.json() };
}

let nextSource = 10;

/**
 * A call to a public invite endpoint from a loopback address of its own (127.0.0.x): those
 * endpoints are rate-limited per client IP, and each test call stands for another visitor.
 */
function publicCall(s: EmbeddedIdpServer, method: string, path: string, body?: unknown, from = `127.0.0.${nextSource++}`): Promise<{ status: number; body: any }> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${s.base}/api${path}`, { method, localAddress: from, headers: payload === undefined ? {} : { 'content-type': 'application/json' } }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (c: string) => (text += c)).on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
    });
    req.on('error', reject);
    req.end(payload);
  });
}

const refusal = (code: number, message: string) => ({ status: code, body: { message, code } });

for (const engine of ENGINES) {
  test(`${engine}: one's own password change; sign-in takes the new password only`, async (t) => {
    const s = await serverOn(t, engine);
    if (!s) return;
    t.after(() => s.stop());
    const owner = await ownerSession(s);
    const path = `/users/${owner.id}/password`;
    const NEW = 'a newer passphrase';

    assert.deepEqual(await call(s, 'PUT', path, owner.token, { new_password: NEW }), refusal(422, 'old password is required'));
    assert.deepEqual(await call(s, 'PUT', path, owner.token, { old_password: OWNER.password }), refusal(422, 'new password is required'));
    assert.deepEqual(await call(s, 'PUT', '/users/someone-else/password', owner.token, { old_password: OWNER.password, new_password: NEW }), refusal(422, 'failed to update password: users can only change their own password'));
    assert.deepEqual(await call(s, 'PUT', path, owner.token, { old_password: 'not my password', new_password: NEW }), refusal(422, 'failed to update password: current password is incorrect'));
    assert.deepEqual(await call(s, 'PUT', path, owner.token, { old_password: OWNER.password, new_password: OWNER.password }), refusal(422, 'failed to update password: new password must be different from current password'));
    assert.equal((await call(s, 'PUT', path, undefined, { old_password: OWNER.password, new_password: NEW })).status, 401);

    assert.deepEqual(await call(s, 'PUT', path, owner.token, { old_password: OWNER.password, new_password: NEW }), { status: 200, body: {} });
    await assert.rejects(signIn(s, OWNER), /answered 401/);
    const again = await signIn(s, { email: OWNER.email, password: NEW });
    assert.equal((await call(s, 'GET', '/users/current', again)).body.id, owner.id);
    assert.ok(!s.logged().includes(NEW), 'a password was logged');
  });

  test(`${engine}: POST /api/users adds a person with a one-time password; duplicates and bad input refused`, async (t) => {
    const s = await serverOn(t, engine);
    if (!s) return;
    t.after(() => s.stop());
    const owner = await ownerSession(s);
    const bob = { email: 'bob@example.test', name: 'Bob', role: 'user', auto_groups: [], is_service_user: false };

    assert.deepEqual(await call(s, 'POST', '/users', owner.token, { ...bob, name: '' }), refusal(422, 'name is required'));
    assert.deepEqual(await call(s, 'POST', '/users', owner.token, { ...bob, email: '' }), refusal(422, 'email is required'));
    assert.equal((await call(s, 'POST', '/users', owner.token, { ...bob, role: 'owner' })).status, 422);
    assert.equal((await call(s, 'POST', '/users', owner.token, { ...bob, role: 'chief' })).status, 422);

    const made = await call(s, 'POST', '/users', owner.token, bob);
    assert.equal(made.status, 200, JSON.stringify(made.body));
    assert.match(made.body.password, /^[0-9A-Za-z]{16}$/);
    assert.equal(made.body.status, 'active');
    assert.equal(made.body.issued, 'api');
    assert.equal(made.body.id.length, 60);
    assert.deepEqual(await call(s, 'POST', '/users', owner.token, { ...bob, email: 'BOB@example.test' }), refusal(409, "can't invite a user with an existing NetBird account"));
    const listed = (await call(s, 'GET', '/users', owner.token)).body as { id: string; password?: string }[];
    assert.ok(listed.some((u) => u.id === made.body.id && u.password === undefined), 'the password is shown once');

    const token = await signIn(s, { email: bob.email, password: made.body.password });
    const me = (await call(s, 'GET', '/users/current', token)).body;
    assert.equal(me.id, made.body.id);
    assert.equal(me.role, 'user');
    assert.ok(!s.logged().includes(made.body.password), 'a password was logged');

    // Resend invitation: embedded logins are never pending (IDENTITY.md §5.5).
    assert.deepEqual(await call(s, 'POST', `/users/${made.body.id}/invite`, owner.token), refusal(412, "can't invite a user with an activated NetBird account"));
    assert.equal((await call(s, 'POST', '/users/nobody/invite', owner.token)).status, 404);

    // Deleting the user removes the login: it cannot sign in (and be provisioned) again.
    assert.deepEqual(await call(s, 'DELETE', `/users/${made.body.id}`, owner.token), { status: 200, body: {} });
    await assert.rejects(signIn(s, { email: bob.email, password: made.body.password }), /answered 401/);
  });

  test(`${engine}: invite link — create, list, public page, regenerate, accept, sign in; expired and deleted refused`, async (t) => {
    const s = await serverOn(t, engine);
    if (!s) return;
    t.after(() => s.stop());
    const owner = await ownerSession(s);
    const carol = { email: 'Carol@example.test', name: 'Carol', role: 'network_admin', auto_groups: [] };

    assert.equal((await call(s, 'GET', '/users/invites')).status, 401, 'listing is not public');
    assert.deepEqual(await call(s, 'POST', '/users/invites', owner.token, { ...carol, expires_in: 60 }), refusal(422, 'invite expiration must be at least 1 hour'));
    assert.deepEqual(await call(s, 'POST', '/users/invites', owner.token, { ...carol, name: '' }), refusal(422, 'name is required'));
    assert.deepEqual(await call(s, 'POST', '/users/invites', owner.token, { ...carol, email: OWNER.email }), refusal(409, 'user with this email already exists'));

    const made = await call(s, 'POST', '/users/invites', owner.token, carol);
    assert.equal(made.status, 200, JSON.stringify(made.body));
    assert.match(made.body.invite_token, /^nbi_[0-9A-Za-z]{36}$/);
    assert.equal(made.body.email, 'carol@example.test');
    assert.equal(made.body.expired, false);
    const lifetime = Date.parse(made.body.expires_at) - Date.parse(made.body.created_at);
    assert.equal(lifetime, 72 * 3600_000);
    assert.deepEqual(await call(s, 'POST', '/users/invites', owner.token, carol), refusal(409, 'invite already exists for this email'));
    const listed = (await call(s, 'GET', '/users/invites', owner.token)).body as { id: string; invite_token?: string }[];
    assert.deepEqual(listed.map((i) => [i.id, i.invite_token]), [[made.body.id, undefined]]);

    const page = await publicCall(s, 'GET', `/users/invites/${made.body.invite_token}`);
    assert.equal(page.status, 200);
    assert.deepEqual(page.body, { email: 'carol@example.test', name: 'Carol', expires_at: made.body.expires_at, valid: true, invited_by: OWNER.name });

    const regen = await call(s, 'POST', `/users/invites/${made.body.id}/regenerate`, owner.token, { expires_in: 7200 });
    assert.equal(regen.status, 200);
    assert.notEqual(regen.body.invite_token, made.body.invite_token);
    assert.ok(Math.abs(Date.parse(regen.body.invite_expires_at) - Date.now() - 7200_000) < 60_000);
    assert.equal((await publicCall(s, 'GET', `/users/invites/${made.body.invite_token}`)).status, 404, 'the old link is dead');
    const link = regen.body.invite_token as string;

    const accept = (password?: string, token = link) => publicCall(s, 'POST', `/users/invites/${token}/accept`, password === undefined ? {} : { password });
    assert.deepEqual(await accept(), refusal(422, 'password is required'));
    assert.deepEqual(await accept('weakpassword'), refusal(422, 'invalid password: password must contain at least one digit'));
    assert.deepEqual(await accept('Str0ng pass!', `nbi_${'x'.repeat(36)}`), refusal(422, 'invalid invite token: invalid token checksum'));
    assert.equal((await accept('Str0ng pass!', newInviteToken())).status, 404);
    assert.deepEqual(await accept('Str0ng pass!'), { status: 200, body: { success: true } });
    assert.equal((await accept('Str0ng pass!')).status, 404, 'used once');
    assert.deepEqual((await call(s, 'GET', '/users/invites', owner.token)).body, []);

    const token = await signIn(s, { email: 'carol@example.test', password: 'Str0ng pass!' });
    const me = (await call(s, 'GET', '/users/current', token)).body;
    assert.equal(me.email, 'carol@example.test');
    assert.equal(me.role, 'network_admin');
    assert.ok(!s.logged().includes('Str0ng pass!'), 'a password was logged');

    // An expired link: shown as not valid, refused on acceptance, nothing created.
    const expiredToken = newInviteToken();
    const now = Date.now();
    await s.app.store.invites.insert({ id: 'expiredinvite', accountId: await accountOf(s, owner.token), email: 'dan@example.test', name: 'Dan', role: 'user', autoGroups: [], hashedToken: hashInviteToken(expiredToken), expiresAtMs: now - 1000, createdAtMs: now - 7200_000, createdBy: owner.id });
    assert.equal((await publicCall(s, 'GET', `/users/invites/${expiredToken}`)).body.valid, false);
    assert.deepEqual(await accept('Str0ng pass!', expiredToken), refusal(422, 'invite has expired'));
    assert.equal((await call(s, 'GET', '/users/invites', owner.token)).body[0].expired, true);
    await assert.rejects(signIn(s, { email: 'dan@example.test', password: 'Str0ng pass!' }), /answered 401/);

    assert.deepEqual(await call(s, 'DELETE', '/users/invites/expiredinvite', owner.token), { status: 200, body: {} });
    assert.equal((await call(s, 'DELETE', '/users/invites/expiredinvite', owner.token)).status, 404);
    assert.equal((await publicCall(s, 'GET', `/users/invites/${expiredToken}`)).status, 404);

    // One visitor guessing links: a burst of 5, then 429 (IDENTITY.md §5.2).
    const guesses = [];
    for (let i = 0; i < 6; i++) guesses.push((await publicCall(s, 'GET', `/users/invites/${newInviteToken()}`, undefined, '127.0.0.250')).status);
    assert.deepEqual(guesses, [404, 404, 404, 404, 404, 429]);
    assert.deepEqual(await publicCall(s, 'POST', `/users/invites/${newInviteToken()}/accept`, { password: 'Str0ng pass!' }, '127.0.0.250'), refusal(429, 'rate limit exceeded, please try again later'));
  });
}

async function accountOf(s: EmbeddedIdpServer, token: string): Promise<string> {
  const accounts = (await (await api(s.base, '/accounts', token)).json()) as { id: string }[];
  return accounts[0]!.id;
}

test('without the embedded IdP: password change and invites are 412', async (t) => {
  const f = await openRestFixture((await storeEngines('idpusersnone'))[0]!);
  t.after(() => f.close());
  const pw = await f.call('PUT', `/api/users/${f.main.ownerId}/password`, { body: { old_password: 'a', new_password: 'b' } });
  assert.deepEqual([pw.status, pw.json], [412, { message: 'password change is only available with embedded identity provider', code: 412 }]);
  const inv = await f.call('POST', '/api/users/invites', { body: { email: 'x@example.test', name: 'X', role: 'user', auto_groups: [] } });
  assert.deepEqual([inv.status, inv.json], [412, { message: 'invite links are only available with embedded identity provider', code: 412 }]);
});
