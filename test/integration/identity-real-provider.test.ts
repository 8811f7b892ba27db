import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { NO_AUTH, type AuthSettings, type ProviderSettings } from '../../src/config/config.js';
import { ManualClock } from '../../src/domain/clock.js';
import { isRoostError } from '../../src/domain/errors.js';
import { createJwtValidator } from '../../src/identity/jwt/create-jwt-validator.js';
import type { JwtValidator } from '../../src/identity/jwt/jwt-validator.js';
import { runOidcDiscovery } from '../../src/identity/oidc/run-oidc-discovery.js';
import type { CliFlowSettings } from '../harness/oidc-cli-client.js';
import { OidcTestProvider, type OidcTestUser } from '../harness/oidc-test-provider.js';

const alice: OidcTestUser = { sub: 'alice', email: 'alice@corp.test', name: 'Alice Example', groups: ['engineering', 'ops'] };
const b64url = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

/**
 * The JWT validator (IDENTITY.md §2.2–2.3) against tokens a real OpenID provider issues through
 * its real endpoints: Roost is pointed at it only through `OIDCConfigEndpoint` (§1.2).
 */
describe('JWT validation against a real OpenID provider', () => {
  let idp: OidcTestProvider;
  let auth: AuthSettings;
  let jwksFetches = 0;
  const clock = new ManualClock();
  /** Counts the validator's JWKS fetches; everything else goes straight through. */
  const countingFetch: typeof fetch = (input, init) => {
    if (String(input) === auth.http.authKeysLocation) jwksFetches++;
    return fetch(input, init);
  };

  const flowBlock = (): ProviderSettings => ({
    clientId: idp.clientId,
    clientSecret: '',
    domain: '',
    audience: idp.audience,
    tokenEndpoint: '',
    deviceAuthEndpoint: '',
    authorizationEndpoint: '',
    scope: 'openid profile email groups',
    useIdToken: false,
    redirectUrls: [...idp.redirectUris],
    disablePromptLogin: false,
    loginFlag: 0,
  });
  const validator = async (over: Partial<AuthSettings['http']> = {}): Promise<JwtValidator> => {
    const v = createJwtValidator({ ...auth, http: { ...auth.http, ...over } }, { clock, fetch: countingFetch });
    await v.prime();
    return v;
  };
  /** Validates as of now (tokens carry the provider's real `iat`). */
  const validateNow = (v: JwtValidator, token: string) => {
    clock.set(Date.now());
    return v.validate(token);
  };
  const refused = (p: Promise<unknown>, re: RegExp) =>
    assert.rejects(p, (e: unknown) => (isRoostError(e, 'Unauthenticated') && re.test(e.message)) || assert.fail(`got ${String(e)}`));
  /** The device flow as a netbird client runs it with the settings Roost would send. */
  const deviceToken = (over: Partial<CliFlowSettings> = {}) => {
    const device = auth.deviceAuthorizationFlow!.providerConfig;
    return idp.deviceFlowToken('alice', { clientId: device.clientId, audience: device.audience, scope: device.scope, tokenEndpoint: device.tokenEndpoint, deviceAuthEndpoint: device.deviceAuthEndpoint, ...over });
  };

  before(async () => {
    idp = await OidcTestProvider.start({ users: [alice] });
    auth = await runOidcDiscovery({
      http: { ...NO_AUTH.http, authAudience: idp.audience, oidcConfigEndpoint: idp.discoveryUrl, idpSignKeyRefreshEnabled: true },
      deviceAuthorizationFlow: { provider: 'hosted', providerConfig: flowBlock() },
      pkceAuthorizationFlow: { providerConfig: flowBlock() },
    });
  });
  after(() => idp.stop());

  test('discovery points the settings at the provider', () => {
    assert.equal(auth.http.authIssuer, idp.issuer);
    assert.equal(auth.http.authKeysLocation, `${idp.issuer}/jwks`);
    assert.equal(auth.deviceAuthorizationFlow?.providerConfig.deviceAuthEndpoint, `${idp.issuer}/device/auth`);
    assert.equal(auth.deviceAuthorizationFlow?.providerConfig.tokenEndpoint, `${idp.issuer}/token`);
    assert.equal(auth.pkceAuthorizationFlow?.providerConfig.authorizationEndpoint, `${idp.issuer}/auth`);
  });

  test('device-flow and PKCE access tokens are accepted and say who signed in', async () => {
    const v = await validator();
    for (const tokens of [await deviceToken(), await idp.pkceToken('alice', { tokenEndpoint: auth.pkceAuthorizationFlow!.providerConfig.tokenEndpoint })]) {
      const user = await validateNow(v, tokens.access_token);
      assert.equal(user.userId, 'alice');
      assert.equal(user.email, alice.email);
      assert.equal(user.name, alice.name);
      assert.deepEqual(user.claims.groups, alice.groups);
      assert.equal(user.claims.aud, idp.audience);
    }
  });

  test('an ID token (UseIDToken) is for the client: refused unless its client ID is an accepted audience', async () => {
    const { id_token } = await deviceToken();
    assert.ok(id_token);
    await refused(validateNow(await validator(), id_token), /^token could not be parsed: token has invalid claims: token has invalid audience$/);
    assert.equal((await validateNow(await validator({ extraAuthAudience: idp.clientId }), id_token)).userId, 'alice');
  });

  test('an expired token is refused from its exp on, with no leeway', async () => {
    idp.accessTokenTtlSeconds = 2;
    let token: string;
    try {
      token = (await deviceToken()).access_token;
    } finally {
      idp.accessTokenTtlSeconds = 300;
    }
    const v = await validator();
    const expMs = decodeJwt(token).exp! * 1000;
    clock.set(expMs - 1);
    assert.equal((await v.validate(token)).userId, 'alice');
    clock.set(expMs);
    await refused(v.validate(token), /^token could not be parsed: token has invalid claims: token is expired$/);
  });

  test('a token for another API the provider serves is refused', async () => {
    const other = idp.otherAudiences[0]!;
    const { access_token } = await deviceToken({ audience: other });
    assert.equal(decodeJwt(access_token).aud, other);
    await refused(validateNow(await validator(), access_token), /^token could not be parsed: token has invalid claims: token has invalid audience$/);
  });

  test('a token from another issuer signing with the same keys is refused', async () => {
    const twin = await OidcTestProvider.start({ users: [alice], signingKeys: idp.signingKeys });
    try {
      const { access_token } = await twin.deviceFlowToken('alice');
      assert.equal(decodeProtectedHeader(access_token).kid, idp.signingKid);
      await refused(validateNow(await validator(), access_token), /^token could not be parsed: token has invalid claims: token has invalid issuer$/);
    } finally {
      await twin.stop();
    }
  });

  test('a token signed by a key the provider does not publish is refused', async () => {
    const stranger = await OidcTestProvider.start({ users: [alice] });
    try {
      const { access_token } = await stranger.deviceFlowToken('alice');
      await refused(validateNow(await validator(), access_token), /^token could not be parsed: token is unverifiable: error while executing keyfunc: unable to find appropriate key$/);
    } finally {
      await stranger.stop();
    }
  });

  test('tampered claims, a broken signature and alg none are refused', async () => {
    const v = await validator();
    const token = (await deviceToken()).access_token;
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const claims = decodeJwt(token);
    await refused(validateNow(v, `${header}.${b64url({ ...claims, sub: 'admin' })}.${signature}`), /^token could not be parsed: token signature is invalid: /);
    const flipped = `${signature.slice(0, 10)}${signature[10] === 'A' ? 'B' : 'A'}${signature.slice(11)}`;
    await refused(validateNow(v, `${header}.${payload}.${flipped}`), /^token could not be parsed: token signature is invalid: /);
    const none = b64url({ ...decodeProtectedHeader(token), alg: 'none' });
    await refused(validateNow(v, `${none}.${payload}.`), /^token could not be parsed: token signature is invalid: 'none' signature type is not allowed$/);
    assert.equal((await validateNow(v, token)).userId, 'alice', 'the untouched token is fine');
  });

  test('key rotation with refresh on: the new key is picked up, the removed one refused', async () => {
    const v = await validator();
    const oldKid = idp.signingKid;
    const oldToken = (await deviceToken()).access_token;
    assert.equal((await validateNow(v, oldToken)).userId, 'alice');

    const newKid = await idp.rotateKey();
    const newToken = (await deviceToken()).access_token;
    assert.equal(decodeProtectedHeader(newToken).kid, newKid);
    const before = jwksFetches;
    assert.equal((await validateNow(v, newToken)).userId, 'alice');
    assert.ok(jwksFetches > before, 'the key set was fetched again');
    assert.equal((await validateNow(v, oldToken)).userId, 'alice', 'still published');

    idp.dropKey(oldKid);
    await refused(validateNow(v, oldToken), /^token could not be parsed: token is unverifiable: error while executing keyfunc: unable to find appropriate key$/);
    assert.equal((await validateNow(v, newToken)).userId, 'alice');
  });

  test('key rotation with refresh off: keys are never re-fetched, so the new key is refused', async () => {
    const v = await validator({ idpSignKeyRefreshEnabled: false });
    const oldToken = (await deviceToken()).access_token;
    await idp.rotateKey();
    const newToken = (await deviceToken()).access_token;
    const before = jwksFetches;
    await refused(validateNow(v, newToken), /unable to find appropriate key$/);
    assert.equal((await validateNow(v, oldToken)).userId, 'alice');
    assert.equal(jwksFetches, before, 'no fetch after start');
  });
});
