/**
 * `EmbeddedIdP.Owner` (a bcrypt hash as upstream writes it) and an instance `roost init` already
 * made (IDENTITY.md §4, §10): no setup is offered, and the seeded login is that account's owner.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import bcrypt from 'bcryptjs';
import { ensureDefaultAccount } from '../../src/domain/accounts/ensure-default-account.js';
import { api, cliFlow, pkceSignIn, startEmbeddedIdpServer } from '../harness/embedded-idp-server.js';
import { domainOf } from '../harness/seed.js';
import { startTestServer } from '../harness/test-server.js';
import { runRoost } from '../harness/serve-process.js';

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

/** Runs `roost init` from source; answers its exit code and output. */
async function roostInit(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = runRoost(['init', ...args]);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { code, stdout, stderr };
}

test('roost init --owner-email/--owner-password-file: the single account (netbird.selfhosted, private) whose owner signs in', async (t) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'roost-idp-init-'));
  t.after(() => rmSync(dataDir, { recursive: true, force: true }));
  const passwordFile = join(mkdtempSync(join(tmpdir(), 'roost-idp-pw-')), 'owner-password');
  t.after(() => rmSync(join(passwordFile, '..'), { recursive: true, force: true }));

  // Bad input: a clear error, nothing written.
  writeFileSync(passwordFile, 'short\n');
  const bad = await roostInit(['--data-dir', dataDir, '--owner-email', 'owner@example.test', '--owner-password-file', passwordFile]);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /owner login: password must be at least 8 characters/);
  const lonely = await roostInit(['--data-dir', dataDir, '--owner-email', 'owner@example.test']);
  assert.equal(lonely.code, 2);
  assert.match(lonely.stderr, /go together/);
  assert.deepEqual(readdirSync(dataDir), []);

  writeFileSync(passwordFile, `${PASSWORD}\n`);
  const made = await roostInit(['--data-dir', dataDir, '--owner-email', 'Owner@Example.test', '--owner-password-file', passwordFile]);
  assert.equal(made.code, 0, made.stderr);
  const lines = made.stdout.trim().split('\n');
  assert.match(lines.at(-1)!, /^nbp_/);
  const ownerId = /owner (\S+) signs in as owner@example\.test/.exec(made.stdout)?.[1];
  assert.ok(ownerId, made.stdout);
  assert.ok(!made.stdout.includes(PASSWORD) && !made.stderr.includes(PASSWORD));

  const s = await startEmbeddedIdpServer({ dataDir });
  t.after(() => s.stop());
  assert.deepEqual(await (await api(s.base, '/instance')).json(), { setup_required: false });
  const { tokens } = await pkceSignIn(cliFlow(s.issuer), { email: 'owner@example.test', password: PASSWORD });
  const me = (await (await api(s.base, '/users/current', tokens.access_token)).json()) as { id: string; role: string; email: string };
  assert.deepEqual([me.id, me.role, me.email], [ownerId, 'owner', 'owner@example.test']);
  const [account] = (await (await api(s.base, '/accounts', tokens.access_token)).json()) as { domain: string; domain_category: string; settings: Record<string, unknown> }[];
  assert.equal(account?.domain, 'netbird.selfhosted');
  assert.equal(account?.domain_category, 'private');
  assert.equal(account?.settings.embedded_idp_enabled, true);
  // The PAT init printed is the same owner's.
  const byPat = (await (await fetch(`${s.base}/api/users/current`, { headers: { authorization: `Token ${lines.at(-1)}` } })).json()) as { id: string };
  assert.equal(byPat.id, ownerId);
});
