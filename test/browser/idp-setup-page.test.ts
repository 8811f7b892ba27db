/**
 * A fresh instance with nothing but a browser (IDENTITY.md §4): Roost's own setup page creates
 * the first owner — refusals shown on the page — then the owner signs in on Roost's sign-in
 * page and reaches the API as owner. JavaScript on and off.
 */
import assert from 'node:assert/strict';
import { api, cliFlow, startEmbeddedIdpServer } from '../harness/embedded-idp-server.js';
import { browserTest, fill, submit } from '../harness/oidc-browser-chromium.js';
import { DashboardOrigin } from '../harness/oidc-browser-origin.js';
import { OidcCliClient } from '../harness/oidc-cli-client.js';

const OWNER = { email: 'first@example.test', password: 'first owner passphrase', name: 'Fiona First' };

for (const javaScriptEnabled of [true, false]) {
  browserTest(`the setup page creates the first owner, who then signs in (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async (kit, t) => {
    const s = await startEmbeddedIdpServer();
    t.after(() => s.stop());
    const page = await kit.newPage({ javaScriptEnabled });
    await page.goto(`${s.issuer}/setup`);
    assert.equal(await page.title(), 'Create the owner account · NetBird');

    await fill(page, 'Name', OWNER.name);
    await fill(page, 'E-mail', 'not-an-email@x');
    await fill(page, 'Password', OWNER.password);
    await fill(page, 'Confirm password', OWNER.password);
    const [refused] = await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Create owner' }).click()]);
    assert.equal(refused?.status(), 422);
    assert.equal((await page.getByRole('alert').textContent())?.trim(), 'Invalid email format.');
    assert.equal(await page.getByLabel('Name', { exact: true }).inputValue(), OWNER.name, 'what was typed is kept');
    assert.deepEqual(await (await api(s.base, '/instance')).json(), { setup_required: true });

    await fill(page, 'E-mail', OWNER.email);
    await fill(page, 'Password', OWNER.password);
    await fill(page, 'Confirm password', OWNER.password);
    await submit(page, 'Create owner');
    assert.equal(await page.title(), 'Owner created · NetBird');
    assert.deepEqual(await (await api(s.base, '/instance')).json(), { setup_required: false });
    const again = await page.goto(`${s.issuer}/setup`);
    assert.equal(again?.status(), 412);
    assert.equal(await page.title(), 'Setup is complete · NetBird');

    const dash = await DashboardOrigin.listen(s.dashboardRedirect);
    t.after(() => dash.close());
    const cli = new OidcCliClient(cliFlow(s.issuer, { clientId: 'netbird-dashboard', audience: 'netbird-dashboard' }));
    const request = cli.pkceRequest(dash.redirectUri);
    await page.goto(request.url);
    await fill(page, 'E-mail', OWNER.email);
    await fill(page, 'Password', OWNER.password);
    const redirected = dash.nextRedirect();
    await submit(page, 'Sign in');
    const tokens = await cli.exchangeCode(request, (await redirected).get('code') ?? '');
    const me = (await (await api(s.base, '/users/current', tokens.access_token)).json()) as { role: string; email: string; name: string };
    assert.deepEqual([me.role, me.email, me.name], ['owner', OWNER.email, OWNER.name]);
    assert.ok(!s.logged().includes(OWNER.password), 'the password was logged');
  });
}
