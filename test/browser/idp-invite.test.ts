/**
 * The invite link in a real Chromium, with JavaScript on and off: an owner invites a person over
 * REST, the person opens Roost's invite page, is told why a weak or mistyped password is refused,
 * chooses one, and signs in with it on Roost's sign-in page; the used link is dead afterwards.
 */
import assert from 'node:assert/strict';
import { decodeJwt } from 'jose';
import { api, cliFlow, pkceSignIn, startEmbeddedIdpServer } from '../harness/embedded-idp-server.js';
import { browserTest, fill, submit } from '../harness/oidc-browser-chromium.js';
import { DashboardOrigin } from '../harness/oidc-browser-origin.js';
import { OidcCliClient } from '../harness/oidc-cli-client.js';

const OWNER = { email: 'owner@example.test', password: 'a good passphrase', name: 'Olivia Owner' };
const INVITED = { email: 'ines@example.test', name: 'Ines Invited', password: 'Ines-pass-42' };

for (const javaScriptEnabled of [true, false]) {
  browserTest(`invite link: Roost's page sets the password, then the person signs in (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async (kit, t) => {
    const s = await startEmbeddedIdpServer();
    t.after(() => s.stop());
    assert.equal((await api(s.base, '/setup', undefined, { method: 'POST', body: JSON.stringify(OWNER) })).status, 200);
    const dashboard = cliFlow(s.issuer, { clientId: 'netbird-dashboard', audience: 'netbird-dashboard' });
    const { tokens } = await pkceSignIn(dashboard, OWNER, { redirect: s.dashboardRedirect, exactRedirect: true });
    const made = await api(s.base, '/users/invites', tokens.access_token, { method: 'POST', body: JSON.stringify({ email: INVITED.email, name: INVITED.name, role: 'admin', auto_groups: [] }) });
    assert.equal(made.status, 200, await made.clone().text());
    const { invite_token: token } = (await made.json()) as { invite_token: string };

    const page = await kit.newPage({ javaScriptEnabled });
    const link = `${s.issuer}/invite?token=${encodeURIComponent(token)}`;
    const opened = await page.goto(link);
    assert.equal(opened?.status(), 200);
    assert.equal(await page.title(), 'Accept your invitation · NetBird');
    const intro = (await page.locator('main p').first().textContent()) ?? '';
    assert.match(intro, /Olivia Owner invited you/);
    assert.match(intro, /ines@example\.test/);

    // Refusals come back on the page, nothing made.
    await fill(page, 'New password', 'weakpassword');
    await fill(page, 'Confirm password', 'weakpassword');
    const [weak] = await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Create account' }).click()]);
    assert.equal(weak?.status(), 422);
    assert.equal((await page.getByRole('alert').textContent())?.trim(), 'Password must contain at least one digit.');
    await fill(page, 'New password', INVITED.password);
    await fill(page, 'Confirm password', `${INVITED.password}x`);
    await submit(page, 'Create account');
    assert.equal((await page.getByRole('alert').textContent())?.trim(), 'The two passwords do not match.');
    assert.equal(await s.app.store.idp.findUserByEmail(INVITED.email), undefined);

    await fill(page, 'New password', INVITED.password);
    await fill(page, 'Confirm password', INVITED.password);
    await submit(page, 'Create account');
    assert.equal(await page.title(), 'Your account is ready · NetBird');
    assert.match((await page.textContent('main')) ?? '', new RegExp(`Sign in at ${new URL(s.dashboardRedirect).origin}/`));

    // The link is spent; the person signs in on Roost's page with the new password.
    const reopened = await page.goto(link);
    assert.equal(reopened?.status(), 404);
    assert.equal(await page.title(), 'Invitation not found · NetBird');
    const dash = await DashboardOrigin.listen(s.dashboardRedirect);
    t.after(() => dash.close());
    const cli = new OidcCliClient(dashboard);
    const request = cli.pkceRequest(dash.redirectUri);
    await page.goto(request.url);
    await fill(page, 'E-mail', INVITED.email);
    await fill(page, 'Password', INVITED.password);
    const redirected = dash.nextRedirect();
    await submit(page, 'Sign in');
    const own = await cli.exchangeCode(request, (await redirected).get('code') ?? '');
    const me = await api(s.base, '/users/current', own.access_token);
    assert.equal(me.status, 200);
    const user = (await me.json()) as { id: string; role: string; email: string; status: string };
    assert.deepEqual([user.id, user.role, user.email, user.status], [decodeJwt(own.access_token).sub, 'admin', INVITED.email, 'active']);
    assert.ok(!s.logged().includes(INVITED.password) && !s.logged().includes(token), 'a secret was logged');
  });
}
