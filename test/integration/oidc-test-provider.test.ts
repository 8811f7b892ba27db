import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify, type JWTPayload } from 'jose';
import { OidcCliClient, OidcTokenError } from '../harness/oidc-cli-client.js';
import { OidcLoopbackListener } from '../harness/oidc-loopback-listener.js';
import { NETBIRD_CLI_REDIRECT_URIS, OidcTestProvider, type OidcTestUser } from '../harness/oidc-test-provider.js';

const alice: OidcTestUser = { sub: 'alice', email: 'alice@corp.test', name: 'Alice Example', groups: ['engineering', 'ops'] };

interface Discovery {
  issuer: string;
  jwks_uri: string;
  token_endpoint: string;
  device_authorization_endpoint: string;
  authorization_endpoint: string;
  code_challenge_methods_supported: string[];
  grant_types_supported: string[];
}

describe('OidcTestProvider: a real oidc-provider configured like a company IdP', () => {
  let idp: OidcTestProvider;
  let discovery: Discovery;

  /** Verifies against the JWKS as published now (a fresh key set each call, no cache). */
  const verify = async (token: string, audience: string) => {
    const { payload, protectedHeader } = await jwtVerify(token, createRemoteJWKSet(new URL(discovery.jwks_uri)), { issuer: idp.issuer, audience });
    return { payload, kid: protectedHeader.kid };
  };
  const assertPerson = (p: JWTPayload, user: OidcTestUser) => {
    assert.equal(p.sub, user.sub);
    assert.equal(p.email, user.email);
    assert.equal(p.name, user.name);
    assert.deepEqual(p.groups, user.groups);
  };
  const publishedKids = async () => ((await (await fetch(discovery.jwks_uri)).json()) as { keys: { kid: string }[] }).keys.map((k) => k.kid);

  before(async () => {
    idp = await OidcTestProvider.start({ users: [alice] });
    const res = await fetch(idp.discoveryUrl);
    assert.equal(res.status, 200);
    discovery = (await res.json()) as Discovery;
  });
  after(() => idp.stop());

  test('the discovery document names the issuer, JWKS and the endpoints both flows use', async () => {
    assert.match(idp.issuer, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.equal(discovery.issuer, idp.issuer);
    assert.equal(discovery.jwks_uri, `${idp.issuer}/jwks`);
    assert.equal(discovery.token_endpoint, `${idp.issuer}/token`);
    assert.equal(discovery.device_authorization_endpoint, `${idp.issuer}/device/auth`);
    assert.equal(discovery.authorization_endpoint, `${idp.issuer}/auth`);
    assert.deepEqual(discovery.code_challenge_methods_supported, ['S256']);
    assert.ok(discovery.grant_types_supported.includes('urn:ietf:params:oauth:grant-type:device_code'));
    // flowSettings() points where discovery does.
    const flow = idp.flowSettings();
    assert.deepEqual([flow.tokenEndpoint, flow.deviceAuthEndpoint, flow.authorizationEndpoint], [discovery.token_endpoint, discovery.device_authorization_endpoint, discovery.authorization_endpoint]);
  });

  test('device flow: pending until the person approves, then a JWT access token for the API audience', async () => {
    const cli = new OidcCliClient(idp.flowSettings());
    const auth = await cli.requestDeviceCode();
    assert.equal(auth.verification_uri, idp.verificationUri);
    await assert.rejects(cli.pollDeviceToken(auth.device_code, { timeoutMs: 0 }), /not approved within 0 ms/);
    await idp.approveDeviceCode(auth.user_code, 'alice');
    const tokens = await cli.pollDeviceToken(auth.device_code);
    assert.equal(decodeProtectedHeader(tokens.access_token).typ, 'at+jwt');
    const { payload, kid } = await verify(tokens.access_token, idp.audience);
    assertPerson(payload, alice);
    assert.equal(payload.client_id, 'netbird-cli');
    assert.equal(kid, idp.signingKid);
    // The ID token is for the client and carries the same person.
    assertPerson((await verify(tokens.id_token!, idp.clientId)).payload, alice);
    // A device code is good once.
    await assert.rejects(cli.pollDeviceToken(auth.device_code), (e: unknown) => e instanceof OidcTokenError && e.error === 'invalid_grant');
  });

  test('deviceFlowToken(): the client polls while the person approves', async () => {
    const tokens = await idp.deviceFlowToken(alice);
    assertPerson((await verify(tokens.access_token, idp.audience)).payload, alice);
  });

  test('PKCE: the code arrives on the loopback listener and only the verifier redeems it', async () => {
    const cli = new OidcCliClient(idp.flowSettings());
    // Registered as netbird's localhost:53000; a native client may use any port on it (RFC 8252).
    assert.deepEqual(idp.redirectUris, NETBIRD_CLI_REDIRECT_URIS);
    const listener = await OidcLoopbackListener.listen('http://localhost:0/');
    try {
      const request = cli.pkceRequest(listener.redirectUri);
      const code = await idp.authorizeWithPkce(request.url, 'alice', listener);
      assert.equal((await listener.received()).get('state'), request.state);
      await assert.rejects(cli.exchangeCode({ ...request, codeVerifier: 'x'.repeat(43) }, code), (e: unknown) => e instanceof OidcTokenError && e.error === 'invalid_grant');
    } finally {
      await listener.close();
    }
    const tokens = await idp.pkceToken('alice');
    const { payload } = await verify(tokens.access_token, idp.audience);
    assertPerson(payload, alice);
    assert.equal(payload.iss, idp.issuer);
  });

  test('PKCE is required of the public client, and redirects must be registered loopbacks', async () => {
    const cli = new OidcCliClient(idp.flowSettings());
    for (const [host, spoil, refusal] of [
      ['localhost', (u: URL) => ['code_challenge', 'code_challenge_method'].forEach((p) => u.searchParams.delete(p)), /invalid_request .*requires PKCE/],
      ['127.0.0.1', () => {}, /redirect_uri did not match any of the client's registered redirect_uris/],
    ] as const) {
      const listener = await OidcLoopbackListener.listen(`http://${host}:0/`);
      try {
        const url = new URL(cli.pkceRequest(listener.redirectUri).url);
        spoil(url);
        await assert.rejects(idp.authorizeWithPkce(url.href, 'alice', listener), refusal);
      } finally {
        await listener.close();
      }
    }
  });

  test('audience: another API the provider knows is granted; an unknown one is refused', async () => {
    const other = idp.otherAudiences[0]!;
    const tokens = await idp.deviceFlowToken('alice', { audience: other });
    assert.equal((await verify(tokens.access_token, other)).payload.aud, other);
    await assert.rejects(verify(tokens.access_token, idp.audience), /unexpected "aud" claim value/);
    await assert.rejects(idp.deviceFlowToken('alice', { audience: 'https://unknown.test/' }), (e: unknown) => e instanceof OidcTokenError && e.error === 'invalid_target');
  });

  test('the user table is the test’s: unknown people are refused, changes show in the next token', async () => {
    await assert.rejects(idp.pkceToken('mallory'), /no user "mallory"/);
    idp.users.set('bob', { sub: 'bob', email: 'bob@corp.test', name: 'Bob', groups: [] });
    try {
      assert.deepEqual((await verify((await idp.pkceToken('bob')).access_token, idp.audience)).payload.groups, []);
      idp.users.set('bob', { ...idp.users.get('bob')!, groups: ['admins'] });
      assert.deepEqual((await verify((await idp.deviceFlowToken('bob')).access_token, idp.audience)).payload.groups, ['admins']);
    } finally {
      idp.users.delete('bob');
    }
  });

  test('token lifetime follows accessTokenTtlSeconds; refresh tokens come with offline_access', async () => {
    idp.accessTokenTtlSeconds = 7;
    try {
      const tokens = await idp.deviceFlowToken('alice', { scope: 'openid email offline_access' });
      const { payload } = await verify(tokens.access_token, idp.audience);
      assert.equal(payload.exp! - payload.iat!, 7);
      assert.equal(tokens.expires_in, 7);
      assert.ok(tokens.refresh_token);
      const refreshed = await new OidcCliClient(idp.flowSettings()).refresh(tokens.refresh_token);
      assertPerson((await verify(refreshed.access_token, idp.audience)).payload, alice);
    } finally {
      idp.accessTokenTtlSeconds = 300;
    }
  });

  test('key rotation: the new key signs while both are published, then only the new one is', async () => {
    const oldKid = idp.signingKid;
    const oldToken = (await idp.deviceFlowToken('alice')).access_token;
    const newKid = await idp.rotateKey();
    assert.notEqual(newKid, oldKid);
    assert.deepEqual((await publishedKids()).sort(), [oldKid, newKid].sort());
    const newToken = (await idp.pkceToken('alice')).access_token;
    assert.equal((await verify(newToken, idp.audience)).kid, newKid);
    assert.equal((await verify(oldToken, idp.audience)).kid, oldKid, 'old tokens still verify while the old key is published');

    idp.dropKey(oldKid);
    assert.deepEqual(await publishedKids(), [newKid]);
    await assert.rejects(verify(oldToken, idp.audience), /no applicable key found in the JSON Web Key Set/);
    assert.equal((await verify(newToken, idp.audience)).kid, newKid);
    assert.equal((await verify((await idp.deviceFlowToken('alice')).access_token, idp.audience)).kid, newKid);
    assert.throws(() => idp.dropKey(newKid), /needs one signing key/);
    assert.throws(() => idp.dropKey('nope'), /no key nope/);
  });
});
