/**
 * The embedded OpenID provider end to end over HTTP (no browser): first-owner setup, sign-in
 * with authorization code + PKCE on Roost's own page, tokens accepted by the REST API, refresh,
 * the device flow a netbird agent starts over gRPC and the SSO peer it then registers, and the
 * refusals the OAuth/OIDC specs prescribe. On SQLite here; the store-sharing tests are in
 * idp-store.test.ts.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeJwt } from 'jose';
import { decodeDexUserId } from '../../src/idp/index.js';
import { OidcBrowser } from '../harness/oidc-browser.js';
import { OidcCliClient, OidcTokenError } from '../harness/oidc-cli-client.js';
import { api, approveDeviceCode, cliFlow, pkceSignIn, startEmbeddedIdpServer } from '../harness/embedded-idp-server.js';
import { flowsOf } from './sso-fixture.js';
import { TestAgent } from '../harness/test-agent.js';

const OWNER = { email: 'owner@example.test', password: 'a good passphrase', name: 'Olivia Owner' };

async function setup(base: string, body: Record<string, unknown> = OWNER): Promise<Response> {
  return api(base, '/setup', undefined, { method: 'POST', body: JSON.stringify(body) });
}

test('setup once, sign in with PKCE, the dashboard token reaches the API as the owner, refresh works', async (t) => {
  const s = await startEmbeddedIdpServer();
  t.after(() => s.stop());

  assert.deepEqual(await (await api(s.base, '/instance')).json(), { setup_required: true });
  const garbled = await api(s.base, '/setup', undefined, { method: 'POST', body: '{"email":' });
  assert.equal(garbled.status, 400);
  assert.deepEqual(await garbled.json(), { message: 'invalid request body', code: 400 });
  const bad = await setup(s.base, { ...OWNER, password: 'short' });
  assert.equal(bad.status, 422);
  assert.deepEqual(await bad.json(), { message: 'password must be at least 8 characters', code: 422 });
  const made = await setup(s.base);
  assert.equal(made.status, 200);
  const created = (await made.json()) as { user_id: string; email: string };
  assert.equal(created.email, OWNER.email);
  assert.equal(created.user_id.length, 60); // Dex's encoding of {uuid, "local"} (IDENTITY.md §1.5)
  assert.equal(decodeDexUserId(created.user_id)?.connectorId, 'local');
  assert.deepEqual(await (await api(s.base, '/instance')).json(), { setup_required: false });
  const again = await setup(s.base);
  assert.equal(again.status, 412);
  assert.deepEqual(await again.json(), { message: 'setup already completed', code: 412 });

  // The dashboard: public client, PKCE, audience netbird-dashboard, its registered redirect.
  const dashboard = cliFlow(s.issuer, { clientId: 'netbird-dashboard', audience: 'netbird-dashboard' });
  const browser = new OidcBrowser();
  const { tokens } = await pkceSignIn(dashboard, OWNER, { redirect: s.dashboardRedirect, exactRedirect: true, browser });
  const claims = decodeJwt(tokens.access_token);
  assert.equal(claims.iss, s.issuer);
  assert.equal(claims.aud, 'netbird-dashboard');
  assert.equal(claims.sub, created.user_id);
  const me = await api(s.base, '/users/current', tokens.access_token);
  assert.equal(me.status, 200, await me.clone().text());
  const user = (await me.json()) as { id: string; email: string; role: string };
  assert.equal(user.id, created.user_id);
  assert.equal(user.email, OWNER.email);
  assert.equal(user.role, 'owner');

  // What the dashboard's OIDC library reads: userinfo with the access token, CORS on discovery.
  const info = await fetch(`${s.issuer}/userinfo`, { headers: { authorization: `Bearer ${tokens.access_token}` } });
  assert.equal(info.status, 200);
  assert.deepEqual(await info.json(), { sub: created.user_id, email: OWNER.email, email_verified: true, name: OWNER.name, preferred_username: OWNER.name, groups: [] });
  assert.equal((await fetch(`${s.issuer}/userinfo`, { headers: { authorization: 'Bearer nope' } })).status, 401);
  const discovery = await fetch(`${s.issuer}/.well-known/openid-configuration`, { headers: { origin: 'https://dashboard.example' } });
  assert.equal(discovery.headers.get('access-control-allow-origin'), 'https://dashboard.example');
  const doc = (await discovery.json()) as Record<string, unknown>;
  assert.equal(doc.issuer, s.issuer);
  assert.equal(doc.jwks_uri, `${s.issuer}/keys`);
  assert.equal(doc.device_authorization_endpoint, `${s.issuer}/device/code`);

  assert.equal((await api(s.base, '/instance/version')).status, 401, 'the version needs credentials');
  const version = (await (await api(s.base, '/instance/version', tokens.access_token)).json()) as Record<string, unknown>;
  assert.deepEqual(Object.keys(version).sort(), ['management_current_version', 'management_update_available']);
  assert.equal(version.management_update_available, false);

  assert.ok(tokens.refresh_token, 'a refresh token');
  const refreshed = await new OidcCliClient(dashboard).refresh(tokens.refresh_token);
  assert.equal((await api(s.base, '/users/current', refreshed.access_token)).status, 200);

  // Tampered token: 401 token invalid.
  const [h, p, sig] = refreshed.access_token.split('.');
  const tampered = `${h}.${Buffer.from(JSON.stringify({ ...decodeJwt(refreshed.access_token), sub: 'someone-else' })).toString('base64url')}.${sig}`;
  const refusedTampered = await api(s.base, '/users/current', tampered);
  assert.equal(refusedTampered.status, 401);
  assert.equal(((await refusedTampered.json()) as { message: string }).message, 'token invalid');
  assert.ok(p);

  // Sign-out from the dashboard: Roost's confirmation page, then the signed-out page.
  const out = await browser.browse(`${s.issuer}/session/end?client_id=netbird-dashboard`, {});
  assert.match(out.text, /You are signed out/);

  const log = s.logged();
  for (const secret of [OWNER.password, tokens.access_token, tokens.refresh_token, refreshed.access_token]) assert.ok(!log.includes(secret), 'a secret was logged');
});

test('device flow: an agent asks Roost over gRPC, a person approves the code on Roost\'s page, the agent registers an SSO peer', async (t) => {
  const s = await startEmbeddedIdpServer();
  t.after(() => s.stop());
  assert.equal((await setup(s.base)).status, 200);

  const { device, pkce } = await flowsOf(s as never);
  assert.equal(device.clientId, 'netbird-cli');
  assert.equal(device.audience, 'netbird-cli');
  assert.equal(device.deviceAuthEndpoint, `${s.issuer}/device/code`);
  assert.equal(device.tokenEndpoint, `${s.issuer}/token`);
  assert.equal(device.scope, 'openid profile email groups');
  assert.equal(pkce.authorizationEndpoint, `${s.issuer}/auth`);
  assert.deepEqual(pkce.redirectUrls, ['http://localhost:53000/', 'http://localhost:54000/']);

  const cli = new OidcCliClient({ clientId: device.clientId, audience: device.audience, scope: device.scope, tokenEndpoint: device.tokenEndpoint, deviceAuthEndpoint: device.deviceAuthEndpoint });
  const auth = await cli.requestDeviceCode();
  assert.equal(auth.verification_uri, `${s.issuer}/device`);
  const [tokens, page] = await Promise.all([cli.pollDeviceToken(auth.device_code), approveDeviceCode(auth.verification_uri, auth.user_code, OWNER)]);

  // A second device, approved from the link the CLI prints with the code in it (nothing to type).
  const second = await cli.requestDeviceCode();
  assert.ok(second.verification_uri_complete);
  const [secondTokens, secondPage] = await Promise.all([
    cli.pollDeviceToken(second.device_code),
    new OidcBrowser().browse(second.verification_uri_complete, { login: OWNER.email, password: OWNER.password }),
  ]);
  assert.match(secondPage.text, /Device connected/);
  assert.equal(decodeJwt(secondTokens.access_token).sub, decodeJwt(tokens.access_token).sub);
  assert.match(page.text, /Device connected/);
  assert.match(page.html, /<html lang="en">/);
  assert.equal(decodeJwt(tokens.access_token).aud, 'netbird-cli');

  const agent = new TestAgent(s.grpcTarget);
  t.after(() => agent.close());
  const answer = await agent.ssoLogin(tokens.access_token);
  assert.ok(answer.peerConfig?.address, 'the SSO peer got an address');
  const peer = await s.app.store.findPeerByKey(agent.publicKey);
  assert.ok(peer);
  assert.equal(peer.userId, decodeJwt(tokens.access_token).sub);
  assert.ok(!s.logged().includes(tokens.access_token));
});

test('bad input: wrong passwords (then throttled), unknown client, unregistered redirect, replayed code, tampered signature', async (t) => {
  const s = await startEmbeddedIdpServer();
  t.after(() => s.stop());
  assert.equal((await setup(s.base)).status, 200);
  const flow = cliFlow(s.issuer);

  // Wrong password: the sign-in page again, 401, nothing given away; the sixth try is throttled.
  for (let i = 0; i < 5; i++) {
    await assert.rejects(pkceSignIn(flow, { email: OWNER.email, password: `wrong-${i}-password` }), /answered 401: .*Invalid e-mail or password/);
  }
  await assert.rejects(pkceSignIn(flow, OWNER), /answered 429: .*Too many failed attempts/);

  // Unknown client and unregistered redirect: the provider's error page, never a redirect.
  const unknownClient = new OidcCliClient({ ...flow, clientId: 'no-such-client' }).pkceRequest('http://localhost:53000/');
  const r1 = await fetch(unknownClient.url, { redirect: 'manual' });
  assert.equal(r1.status, 400);
  assert.match(await r1.text(), /client is invalid|invalid_client/);
  const badRedirect = new OidcCliClient(flow).pkceRequest('https://evil.example/callback');
  const r2 = await fetch(badRedirect.url, { redirect: 'manual' });
  assert.equal(r2.status, 400);
  assert.match(await r2.text(), /redirect_uri/);

  // A code used twice is refused (RFC 6749 §4.1.2: invalid_grant).
  const other = { email: 'second@example.test', password: 'another passphrase' };
  assert.ok(await s.app.idp!.users.create({ ...other, name: 'Second' }));
  const signedIn = await pkceSignIn(flow, other, { redirect: 'http://localhost:53000/' }).catch((err: unknown) => err);
  // Five failures came from this client IP already, below the per-IP limit: the second person signs in.
  assert.ok(!(signedIn instanceof Error), String(signedIn));
  const { cli, request, code, tokens } = signedIn as Awaited<ReturnType<typeof pkceSignIn>>;
  const replay = await cli.exchangeCode(request, code).catch((err: unknown) => err);
  assert.ok(replay instanceof OidcTokenError);
  assert.equal(replay.error, 'invalid_grant');
  assert.equal(replay.status, 400);

  // A token whose signature was altered: REST 401 token invalid, gRPC Login InvalidArgument.
  const [h, p, sig = ''] = tokens.access_token.split('.');
  const forged = `${h}.${p}.${sig.slice(0, -4)}${sig.slice(-4) === 'AAAA' ? 'BBBB' : 'AAAA'}`;
  const rest = await api(s.base, '/users/current', forged);
  assert.equal(rest.status, 401);
  const agent = new TestAgent(s.grpcTarget);
  t.after(() => agent.close());
  await assert.rejects(agent.login({ jwtToken: forged, setupKey: '00000000-0000-0000-0000-000000000000' }), (err: { code?: number; details?: string }) => {
    assert.equal(err.code, 3); // INVALID_ARGUMENT
    assert.match(err.details ?? '', /^invalid jwt token, err: token could not be parsed/);
    return true;
  });

  const log = s.logged();
  for (let i = 0; i < 5; i++) assert.ok(!log.includes(`wrong-${i}-password`), 'a typed password was logged');
  for (const secret of [OWNER.password, other.password, code, tokens.access_token, tokens.refresh_token ?? 'x']) assert.ok(!log.includes(secret), 'a secret was logged');
});
