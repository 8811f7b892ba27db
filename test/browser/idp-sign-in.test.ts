/**
 * The embedded provider in a real Chromium: the first owner made the way the dashboard makes it
 * (cross-origin calls from another origin), sign-in with authorization code + PKCE typed into
 * Roost's sign-in page, the token exchanged and the API called from the dashboard's origin
 * (CORS for real), single sign-on until sign-out, and a wrong password's error page — each
 * with JavaScript on and off where a person only fills forms.
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { decodeJwt } from 'jose';
import { cliFlow, startEmbeddedIdpServer } from '../harness/embedded-idp-server.js';
import { browserTest, fill, submit } from '../harness/oidc-browser-chromium.js';
import { DashboardOrigin } from '../harness/oidc-browser-origin.js';
import { OidcCliClient } from '../harness/oidc-cli-client.js';

const OWNER = { email: 'owner@example.test', password: 'a good passphrase', name: 'Olivia Owner' };

/**
 * `fetch` run inside the page (its origin, its CORS rules: a refused one throws); answers the
 * status and parsed body.
 */
async function pageFetch(page: Page, url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<{ status: number; body: unknown }> {
  return page.evaluate(
    async ([u, i]) => {
      const r = await fetch(u, i);
      const text = await r.text();
      return { status: r.status, body: text ? JSON.parse(text) : undefined };
    },
    [url, init] as const,
  );
}

browserTest('first owner via the dashboard\'s calls, PKCE sign-in on Roost\'s page, the API from another origin, sign-out', async (kit, t) => {
  const s = await startEmbeddedIdpServer();
  t.after(() => s.stop());
  const dash = await DashboardOrigin.listen(s.dashboardRedirect);
  t.after(() => dash.close());
  const page = await kit.newPage();
  await page.goto(`${dash.origin}/`);

  // What the dashboard's setup page does: ask, then create the owner (a JSON POST: a preflight).
  assert.deepEqual((await pageFetch(page, `${s.base}/api/instance`)).body, { setup_required: true });
  const made = await pageFetch(page, `${s.base}/api/setup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(OWNER) });
  assert.equal(made.status, 200, JSON.stringify(made.body));
  const owner = made.body as { user_id: string; email: string };
  assert.equal(owner.email, OWNER.email);
  assert.deepEqual((await pageFetch(page, `${s.base}/api/instance`)).body, { setup_required: false });

  // Sign in: the dashboard's authorize request (no prompt), Roost's page typed into.
  const flow = cliFlow(s.issuer, { clientId: 'netbird-dashboard', audience: 'netbird-dashboard' });
  const cli = new OidcCliClient(flow);
  const request = cli.pkceRequest(dash.redirectUri, {});
  await page.goto(request.url);
  assert.equal(await page.title(), 'Sign in · NetBird');
  await fill(page, 'E-mail', OWNER.email);
  await fill(page, 'Password', OWNER.password);
  const redirected = dash.nextRedirect();
  await submit(page, 'Sign in');
  const query = await redirected;
  assert.equal(query.get('state'), request.state);
  assert.ok(page.url().startsWith(dash.redirectUri), page.url());

  // The exchange and the API calls from the dashboard's origin, as its JavaScript makes them.
  const tokenRes = await pageFetch(page, flow.tokenEndpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', code: query.get('code') ?? '', redirect_uri: request.redirectUri, client_id: flow.clientId, code_verifier: request.codeVerifier }).toString(),
  });
  assert.equal(tokenRes.status, 200, JSON.stringify(tokenRes.body));
  const tokens = tokenRes.body as { access_token: string; id_token: string };
  assert.equal(decodeJwt(tokens.access_token).aud, 'netbird-dashboard');
  const me = await pageFetch(page, `${s.base}/api/users/current`, { headers: { authorization: `Bearer ${tokens.access_token}` } });
  assert.equal(me.status, 200, JSON.stringify(me.body));
  const user = me.body as { id: string; role: string; email: string; permissions: { modules: Record<string, unknown> } };
  assert.equal(user.id, owner.user_id);
  assert.equal(user.role, 'owner');
  assert.ok(user.permissions.modules.peers);

  // Single sign-on: a second authorize request goes straight back with a code.
  const again = cli.pkceRequest(dash.redirectUri, {});
  const second = dash.nextRedirect();
  await page.goto(again.url);
  assert.equal((await second).get('state'), again.state);

  // Sign-out as the dashboard asks for it; Roost confirms, then returns to the dashboard.
  const end = new URL(`${s.issuer}/session/end`);
  end.searchParams.set('id_token_hint', tokens.id_token);
  end.searchParams.set('post_logout_redirect_uri', `${dash.origin}/`);
  await page.goto(end.href);
  assert.equal(await page.title(), 'Sign out · NetBird');
  await submit(page, 'Sign out');
  assert.equal(new URL(page.url()).origin, dash.origin);
  // The session is gone: the next authorize request asks for the password again.
  await page.goto(cli.pkceRequest(dash.redirectUri, {}).url);
  assert.equal(await page.title(), 'Sign in · NetBird');

  const log = s.logged();
  for (const secret of [OWNER.password, tokens.access_token, tokens.id_token]) assert.ok(!log.includes(secret), 'a secret was logged');
});

for (const javaScriptEnabled of [true, false]) {
  browserTest(`a wrong password shows the error on the sign-in page, the right one signs in (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async (kit, t) => {
    const s = await startEmbeddedIdpServer();
    t.after(() => s.stop());
    const person = { email: 'pat@example.test', password: 'pat passphrase 1', name: 'Pat' };
    assert.ok(await s.app.idp!.users.create(person));
    const dash = await DashboardOrigin.listen(s.dashboardRedirect);
    t.after(() => dash.close());
    const page = await kit.newPage({ javaScriptEnabled });
    const cli = new OidcCliClient(cliFlow(s.issuer, { clientId: 'netbird-dashboard', audience: 'netbird-dashboard' }));
    const request = cli.pkceRequest(dash.redirectUri);
    await page.goto(request.url);

    await fill(page, 'E-mail', person.email);
    await fill(page, 'Password', 'not the password');
    const [refused] = await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Sign in' }).click()]);
    assert.equal(refused?.status(), 401);
    assert.equal(await page.title(), 'Sign in · NetBird');
    assert.equal((await page.getByRole('alert').textContent())?.trim(), 'Invalid e-mail or password.');
    assert.equal(await page.getByLabel('E-mail', { exact: true }).inputValue(), person.email, 'the e-mail is kept');
    assert.equal(await page.getByLabel('Password', { exact: true }).inputValue(), '', 'the password is not echoed');

    await fill(page, 'Password', person.password);
    const redirected = dash.nextRedirect();
    await submit(page, 'Sign in');
    const query = await redirected;
    const tokens = await cli.exchangeCode(request, query.get('code') ?? '');
    assert.equal(decodeJwt(tokens.access_token).email, person.email);
    assert.ok(!s.logged().includes('not the password'), 'a typed password was logged');
  });
}

browserTest('with JavaScript off: sign-in, sign-out through the confirmation form, and the error page of a bad request', async (kit, t) => {
  const s = await startEmbeddedIdpServer();
  t.after(() => s.stop());
  const person = { email: 'noscript@example.test', password: 'noscript passphrase', name: 'No Script' };
  assert.ok(await s.app.idp!.users.create(person));
  const dash = await DashboardOrigin.listen(s.dashboardRedirect);
  t.after(() => dash.close());
  const page = await kit.newPage({ javaScriptEnabled: false });
  const cli = new OidcCliClient(cliFlow(s.issuer, { clientId: 'netbird-dashboard', audience: 'netbird-dashboard' }));

  const request = cli.pkceRequest(dash.redirectUri, {});
  await page.goto(request.url);
  await fill(page, 'E-mail', person.email);
  await fill(page, 'Password', person.password);
  const redirected = dash.nextRedirect();
  await submit(page, 'Sign in');
  const tokens = await cli.exchangeCode(request, (await redirected).get('code') ?? '');

  // "Stay signed in" keeps the session; "Sign out" ends it and returns to the dashboard.
  const end = `${s.issuer}/session/end?id_token_hint=${tokens.id_token}&post_logout_redirect_uri=${encodeURIComponent(`${dash.origin}/`)}`;
  await page.goto(end);
  await submit(page, 'Stay signed in');
  const kept = dash.nextRedirect();
  await page.goto(cli.pkceRequest(dash.redirectUri, {}).url);
  assert.ok((await kept).get('code'), 'still signed in');
  await page.goto(end);
  assert.equal(await page.title(), 'Sign out · NetBird');
  await submit(page, 'Sign out');
  assert.equal(new URL(page.url()).origin, dash.origin);
  await page.goto(cli.pkceRequest(dash.redirectUri, {}).url);
  assert.equal(await page.title(), 'Sign in · NetBird');

  // A client that does not exist: Roost's error page, no redirect anywhere.
  const bad = new OidcCliClient(cliFlow(s.issuer, { clientId: 'no-such-client' })).pkceRequest(dash.redirectUri);
  const answer = await page.goto(bad.url);
  assert.equal(answer?.status(), 400);
  assert.equal(await page.title(), 'Sign-in failed · NetBird');
  assert.match((await page.textContent('main')) ?? '', /Start again from your application/);
});
