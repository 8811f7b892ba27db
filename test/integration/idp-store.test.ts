/**
 * The embedded provider's state lives in the store, on SQLite and PostgreSQL: signing keys are
 * rotated with the old key still published, a restart on the same store keeps sessions and
 * refresh tokens, and two processes on one PostgreSQL store accept each other's tokens (keys
 * rotated by one are found by the other).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { decodeProtectedHeader } from 'jose';
import { openStore } from '../../src/store/index.js';
import { OidcCliClient } from '../harness/oidc-cli-client.js';
import { api, pkceSignIn, startEmbeddedIdpServer, type EmbeddedIdpServer, type EmbeddedIdpServerOptions } from '../harness/embedded-idp-server.js';
import { openPostgresTestStore, postgresSkipReason, TEST_PG_DSN } from '../harness/postgres-test-store.js';

const OWNER = { email: 'owner@example.test', password: 'a good passphrase', name: 'Olivia Owner' };
const ENGINES = ['sqlite', 'postgres'] as const;

type T = { after(fn: () => unknown): void; skip(msg: string): void };

/** Starts servers on one store of `engine`; `next()` opens another process (or a restart) on it. */
async function storeFor(t: T, engine: (typeof ENGINES)[number], label: string): Promise<((o?: EmbeddedIdpServerOptions) => Promise<EmbeddedIdpServer>) | undefined> {
  if (engine === 'sqlite') {
    // One data dir (one SQLite file) for every process of the test.
    const dataDir = mkdtempSync(join(tmpdir(), 'roost-idp-store-'));
    t.after(() => rmSync(dataDir, { recursive: true, force: true }));
    return (o = {}) => startEmbeddedIdpServer({ ...o, dataDir });
  }
  const skip = await postgresSkipReason();
  if (skip !== undefined) {
    console.log(`# skipping: ${skip}`);
    t.skip(skip);
    return undefined;
  }
  const pg = await openPostgresTestStore(label);
  let first = true;
  t.after(() => pg.drop());
  return async (o = {}) => {
    const store = first ? pg.store : await openStore({ engine: 'postgres', dsn: TEST_PG_DSN, schema: pg.schema });
    first = false;
    return startEmbeddedIdpServer({ ...o, store });
  };
}

async function setupOwner(s: EmbeddedIdpServer): Promise<void> {
  const r = await api(s.base, '/setup', undefined, { method: 'POST', body: JSON.stringify(OWNER) });
  assert.equal(r.status, 200, await r.text());
}

const dashboardFlow = (s: EmbeddedIdpServer) => ({
  clientId: 'netbird-dashboard',
  audience: 'netbird-dashboard',
  scope: 'openid profile email groups offline_access',
  tokenEndpoint: `${s.issuer}/token`,
  authorizationEndpoint: `${s.issuer}/auth`,
});

async function publishedKids(s: EmbeddedIdpServer): Promise<string[]> {
  const jwks = (await (await fetch(`${s.issuer}/keys`)).json()) as { keys: { kid: string; d?: string }[] };
  assert.ok(jwks.keys.every((k) => k.d === undefined), 'no private part published');
  return jwks.keys.map((k) => k.kid);
}

for (const engine of ENGINES) {
  test(`${engine}: key rotation — a new key signs, the old one stays published and its tokens accepted`, async (t) => {
    const start = await storeFor(t, engine, 'idprot');
    if (!start) return;
    const s = await start();
    t.after(() => s.stop());
    await setupOwner(s);
    const first = await pkceSignIn(dashboardFlow(s), OWNER, { redirect: s.dashboardRedirect, exactRedirect: true });
    const oldKid = decodeProtectedHeader(first.tokens.access_token).kid!;
    assert.deepEqual(await publishedKids(s), [oldKid]);

    const newKid = await s.app.idp!.rotateKeys();
    assert.notEqual(newKid, oldKid);
    assert.deepEqual(await publishedKids(s), [newKid, oldKid]);
    const refreshed = await new OidcCliClient(dashboardFlow(s)).refresh(first.tokens.refresh_token!);
    assert.equal(decodeProtectedHeader(refreshed.access_token).kid, newKid);
    assert.equal((await api(s.base, '/users/current', refreshed.access_token)).status, 200);
    assert.equal((await api(s.base, '/users/current', first.tokens.access_token)).status, 200, 'a token of the previous key');
  });

  test(`${engine}: a restart on the same store keeps sessions — the refresh token still works`, async (t) => {
    const start = await storeFor(t, engine, 'idprestart');
    if (!start) return;
    const a = await start();
    let stopped = false;
    t.after(() => (stopped ? undefined : a.stop()));
    await setupOwner(a);
    const { tokens } = await pkceSignIn(dashboardFlow(a), OWNER, { redirect: a.dashboardRedirect, exactRedirect: true });
    await a.stop();
    stopped = true;

    const b = await start({ httpPort: a.ports.http, dashboardRedirect: a.dashboardRedirect });
    t.after(() => b.stop());
    assert.deepEqual(await (await api(b.base, '/instance')).json(), { setup_required: false });
    assert.equal((await api(b.base, '/users/current', tokens.access_token)).status, 200, 'the access token of before the restart');
    const refreshed = await new OidcCliClient(dashboardFlow(b)).refresh(tokens.refresh_token!);
    assert.equal((await api(b.base, '/users/current', refreshed.access_token)).status, 200);
  });
}

test('postgres: two processes on one store accept each other\'s tokens, keys rotated by either', async (t) => {
  const start = await storeFor(t, 'postgres', 'idptwo');
  if (!start) return;
  const a = await start();
  t.after(() => a.stop());
  await setupOwner(a);
  // Same issuer for both: B is another replica behind the same public URL (here: its own port, A's issuer).
  const replica = await start({ embeddedIdp: { Issuer: a.issuer }, dashboardRedirect: a.dashboardRedirect });
  t.after(() => replica.stop());

  const { tokens } = await pkceSignIn(dashboardFlow(a), OWNER, { redirect: a.dashboardRedirect, exactRedirect: true });
  assert.equal((await api(replica.base, '/users/current', tokens.access_token)).status, 200, 'A\'s token at B');
  // B rotates; a token B signs with its new key is accepted by A (unknown kid → A reads the store).
  const kid = await replica.app.idp!.rotateKeys();
  const fromB = await new OidcCliClient({ ...dashboardFlow(a), tokenEndpoint: `${replica.base}/oauth2/token` }).refresh(tokens.refresh_token!);
  assert.equal(decodeProtectedHeader(fromB.access_token).kid, kid);
  assert.equal((await api(a.base, '/users/current', fromB.access_token)).status, 200, 'B\'s token at A');
});
