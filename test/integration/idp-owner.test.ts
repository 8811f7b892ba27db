/**
 * `EmbeddedIdP.Owner` (a bcrypt hash as upstream writes it) and an instance `roost init` already
 * made (IDENTITY.md §4, §10): no setup is offered, and the seeded login is that account's owner.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import bcrypt from 'bcryptjs';
import { ensureDefaultAccount } from '../../src/domain/accounts/ensure-default-account.js';
import { api, cliFlow, pkceSignIn, startEmbeddedIdpServer } from '../harness/embedded-idp-server.js';
import { domainOf } from '../harness/seed.js';
import { startTestServer } from '../harness/test-server.js';

const PASSWORD = 'owner passphrase 1';
// Go's bcrypt writes $2a$; the algorithm is the same.
const UPSTREAM_HASH = bcrypt.hashSync(PASSWORD, 10).replace(/^\$2b\$/, '$2a$');

test('an instance made by roost init: no setup, and EmbeddedIdP.Owner signs in as its owner', async (t) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'roost-idp-owner-'));
  t.after(() => rmSync(dataDir, { recursive: true, force: true }));
  const first = await startEmbeddedIdpServer({ dataDir });
  const { owner, account } = await ensureDefaultAccount(domainOf(first.app));
  await first.stop();

  const s = await startEmbeddedIdpServer({ dataDir, embeddedIdp: { Owner: { Email: 'Admin@Example.test', Hash: UPSTREAM_HASH } } });
  t.after(() => s.stop());
  assert.deepEqual(await (await api(s.base, '/instance')).json(), { setup_required: false });
  const refused = await api(s.base, '/setup', undefined, { method: 'POST', body: JSON.stringify({ email: 'x@example.test', password: '12345678', name: 'X' }) });
  assert.equal(refused.status, 412);

  const { tokens } = await pkceSignIn(cliFlow(s.issuer), { email: 'admin@example.test', password: PASSWORD });
  const me = await api(s.base, '/users/current', tokens.access_token);
  assert.equal(me.status, 200, await me.clone().text());
  const body = (await me.json()) as { id: string; role: string };
  assert.equal(body.id, owner.id);
  assert.equal(body.role, 'owner');
  const accounts = (await (await api(s.base, '/accounts', tokens.access_token)).json()) as { id: string }[];
  assert.deepEqual(accounts.map((a) => a.id), [account.id]);
  assert.ok(!s.logged().includes(PASSWORD));
});

test('a fresh instance with EmbeddedIdP.Owner: setup is not offered; the owner signs in and gets a new account', async (t) => {
  const s = await startEmbeddedIdpServer({ embeddedIdp: { Owner: { Email: 'boss@example.test', Hash: UPSTREAM_HASH, Username: 'Boss' } } });
  t.after(() => s.stop());
  assert.deepEqual(await (await api(s.base, '/instance')).json(), { setup_required: false });
  const { tokens } = await pkceSignIn(cliFlow(s.issuer), { email: 'boss@example.test', password: PASSWORD });
  const me = (await (await api(s.base, '/users/current', tokens.access_token)).json()) as { role: string; email: string; name: string };
  assert.equal(me.role, 'owner');
  assert.equal(me.email, 'boss@example.test');
  assert.equal(me.name, 'Boss');
});

test('without the embedded IdP: no setup, no /oauth2', async (t) => {
  const s = await startTestServer();
  t.after(() => s.stop());
  const base = `http://127.0.0.1:${s.ports.http}`;
  assert.equal(s.app.idp, undefined);
  assert.deepEqual(await (await api(base, '/instance')).json(), { setup_required: false });
  const setup = await api(base, '/setup', undefined, { method: 'POST', body: JSON.stringify({ email: 'x@example.test', password: '12345678', name: 'X' }) });
  assert.equal(setup.status, 412);
  assert.equal((await fetch(`${base}/oauth2/.well-known/openid-configuration`)).status, 404);
});
