/**
 * `netbird up` with the embedded provider, the person's side in a real Chromium: an agent asks
 * Roost for the device flow over gRPC, the person types the code on Roost's page, confirms,
 * signs in, and the agent — polling meanwhile — registers an SSO peer with the token. With
 * JavaScript on and off: the pages are plain forms.
 */
import assert from 'node:assert/strict';
import { decodeJwt } from 'jose';
import { startEmbeddedIdpServer } from '../harness/embedded-idp-server.js';
import { browserTest, fill, submit } from '../harness/oidc-browser-chromium.js';
import { OidcCliClient } from '../harness/oidc-cli-client.js';
import { TestAgent } from '../harness/test-agent.js';
import { flowsOf } from '../integration/sso-fixture.js';

const PERSON = { email: 'dev@example.test', password: 'device passphrase', name: 'Dev' };

for (const javaScriptEnabled of [true, false]) {
  browserTest(`device flow: the code typed on Roost's page, confirmation, sign-in, then an SSO peer over gRPC (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async (kit, t) => {
    const s = await startEmbeddedIdpServer();
    t.after(() => s.stop());
    assert.ok(await s.app.idp!.users.create(PERSON));

    const { device } = await flowsOf(s as never);
    const cli = new OidcCliClient({ clientId: device.clientId, audience: device.audience, scope: device.scope, tokenEndpoint: device.tokenEndpoint, deviceAuthEndpoint: device.deviceAuthEndpoint });
    const auth = await cli.requestDeviceCode();
    const polled = cli.pollDeviceToken(auth.device_code, { intervalMs: 200, timeoutMs: 120_000 });
    polled.catch(() => undefined); // awaited below; a failure before then must not go unhandled

    const page = await kit.newPage({ javaScriptEnabled });
    await page.goto(auth.verification_uri);
    assert.equal(await page.title(), 'Connect a device · NetBird');
    // A mistyped code first: the page says so and asks again.
    await fill(page, 'Device code', 'BCDF-GHJK');
    await submit(page, 'Continue');
    assert.match((await page.getByRole('alert').textContent()) ?? '', /not valid or has expired/);

    await fill(page, 'Device code', auth.user_code);
    await submit(page, 'Continue');
    assert.equal(await page.title(), 'Confirm the device · NetBird');
    assert.equal((await page.locator('code').textContent())?.trim(), auth.user_code);
    await submit(page, 'Continue');
    assert.equal(await page.title(), 'Sign in · NetBird');
    await fill(page, 'E-mail', PERSON.email);
    await fill(page, 'Password', PERSON.password);
    await submit(page, 'Sign in');
    assert.equal(await page.title(), 'Device connected · NetBird');

    const tokens = await polled;
    assert.equal(decodeJwt(tokens.access_token).aud, 'netbird-cli');
    const agent = new TestAgent(s.grpcTarget);
    t.after(() => agent.close());
    const answer = await agent.ssoLogin(tokens.access_token);
    assert.ok(answer.peerConfig?.address, 'the SSO peer got an address');
    const peer = await s.app.store.findPeerByKey(agent.publicKey);
    assert.equal(peer?.userId, decodeJwt(tokens.access_token).sub);
    assert.ok(!s.logged().includes(PERSON.password), 'the password was logged');
  });
}
