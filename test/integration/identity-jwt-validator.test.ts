import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac, createPublicKey } from 'node:crypto';
import { ManualClock } from '../../src/domain/clock.js';
import { isRoostError } from '../../src/domain/errors.js';
import { NO_AUTH, type AuthSettings } from '../../src/config/config.js';
import { createJwtValidator } from '../../src/identity/jwt/create-jwt-validator.js';
import type { JwtValidator } from '../../src/identity/jwt/jwt-validator.js';
import { makeKey, TestProvider, type TestKey } from './identity-test-provider.js';

const AUD = 'https://api.roost.test/';
const b64url = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');

describe('JwtValidator against a JWKS served over HTTP', () => {
  let idp: TestProvider;
  let rsa: TestKey;
  let ec: TestKey;
  const clock = new ManualClock(Date.UTC(2026, 3, 1, 12));
  const nowS = () => Math.floor(clock.now() / 1000);
  const settings = (over: Partial<AuthSettings['http']> = {}): AuthSettings => ({
    ...NO_AUTH,
    http: { ...NO_AUTH.http, authIssuer: idp.issuer, authAudience: AUD, extraAuthAudience: 'extra', authKeysLocation: idp.jwksUrl, ...over },
    deviceAuthorizationFlow: { provider: 'hosted', providerConfig: { ...deviceConfig, audience: 'device-aud' } },
  });
  const deviceConfig = {
    clientId: '', clientSecret: '', domain: '', audience: '', tokenEndpoint: '', deviceAuthEndpoint: '', authorizationEndpoint: '',
    scope: '', useIdToken: false, redirectUrls: [], disablePromptLogin: false, loginFlag: 0 as const,
  };
  const claims = (over: Record<string, unknown> = {}) => ({ sub: 'user-1', aud: AUD, iss: idp.issuer, iat: nowS(), exp: nowS() + 300, ...over });
  const validator = async (over: Partial<AuthSettings['http']> = {}): Promise<JwtValidator> => {
    const v = createJwtValidator(settings(over), { clock });
    await v.prime();
    return v;
  };
  const refused = (p: Promise<unknown>, re: RegExp) =>
    assert.rejects(p, (e: unknown) => (isRoostError(e, 'Unauthenticated') && re.test(e.message)) || assert.fail(`got ${String(e)}`));

  before(async () => {
    idp = await TestProvider.start();
    rsa = await makeKey('rsa-1', 'RS256');
    ec = await makeKey('ec-1', 'ES256');
  });
  after(() => idp.close());
  const reset = (...keys: TestKey[]) => {
    idp.keys = keys;
    idp.cacheControl = 'public, max-age=3600';
    idp.jwksStatus = 200;
    idp.jwksFetches = 0;
  };

  test('accepts RS256, PS256, ES256, ES384 and ES512 tokens and reads the user', async () => {
    const ps = await makeKey('ps-1', 'PS256');
    const es384 = await makeKey('ec-384', 'ES384');
    const es512 = await makeKey('ec-521', 'ES512');
    reset(rsa, ec, ps, es384, es512);
    const v = await validator();
    for (const key of [rsa, ps, ec, es384, es512]) {
      const token = await idp.mint(key, claims({ email: 'a@x.test', name: 'Ann', [`${AUD}wt_account_domain`]: 'x.test', groups: ['g'] }));
      const u = await v.validate(token);
      assert.equal(u.userId, 'user-1', key.alg);
      assert.equal(u.email, 'a@x.test');
      assert.equal(u.name, 'Ann');
      assert.equal(u.domain, 'x.test');
      assert.deepEqual(u.claims.groups, ['g']);
    }
    assert.equal(idp.jwksFetches, 1, 'one fetch at start; max-age keeps the set');
  });

  test('audiences: AuthAudience, extra and device audiences; the user ID claim is configurable', async () => {
    reset(rsa);
    const v = await validator({ authUserIdClaim: 'oid' });
    for (const aud of [AUD, 'extra', 'device-aud', ['x', 'device-aud']]) {
      assert.equal((await v.validate(await idp.mint(rsa, claims({ aud, oid: 'o-1' })))).userId, 'o-1', JSON.stringify(aud));
    }
    await refused(v.validate(await idp.mint(rsa, claims({ aud: AUD }))), /^user ID claim token value is empty$/);
  });

  test('refuses wrong issuer, audience, expiry, nbf and iat with upstream words', async () => {
    reset(rsa);
    const v = await validator();
    const cases: [string, Record<string, unknown>, RegExp][] = [
      ['wrong issuer', { iss: 'https://evil.test' }, /^token could not be parsed: token has invalid claims: token has invalid issuer$/],
      ['wrong audience', { aud: 'other' }, /token has invalid claims: token has invalid audience$/],
      ['no audience', { aud: undefined }, /token is missing required claim: aud claim is required/],
      ['expired now (no leeway)', { exp: nowS() }, /token has invalid claims: token is expired$/],
      ['not valid yet', { nbf: nowS() + 1 }, /token is not valid yet/],
      ['issued in the future', { iat: nowS() + 1 }, /token used before issued/],
    ];
    for (const [name, over, re] of cases) {
      const c = claims(over);
      if ('aud' in over && over.aud === undefined) delete (c as Record<string, unknown>).aud;
      await refused(v.validate(await idp.mint(rsa, c)), re).catch((e: Error) => assert.fail(`${name}: ${e.message}`));
    }
    const noIssuerCheck = await validator({ authIssuer: '' });
    assert.equal((await noIssuerCheck.validate(await idp.mint(rsa, claims({ iss: 'https://any.test' })))).userId, 'user-1');
  });

  test('refuses unknown keys, forged algorithms, tampering and garbage', async () => {
    reset(rsa, ec);
    const v = await validator();
    const stranger = await makeKey('stranger', 'RS256');
    await refused(v.validate(await idp.mint(stranger, claims())), /token is unverifiable: error while executing keyfunc: unable to find appropriate key$/);
    await refused(v.validate(await idp.mint(rsa, claims(), { kid: undefined })), /unable to find appropriate key/);
    // Signed by another key under a known kid.
    await refused(v.validate(await idp.mint(stranger, claims(), { kid: rsa.kid })), /^token could not be parsed: token signature is invalid: /);
    // alg none under a known kid.
    const none = `${b64url({ alg: 'none', kid: rsa.kid })}.${b64url(claims())}.`;
    await refused(v.validate(none), /'none' signature type is not allowed/);
    // HS256 keyed with the published public key (algorithm confusion).
    const pem = createPublicKey({ key: rsa.jwk as never, format: 'jwk' }).export({ type: 'spki', format: 'pem' });
    const unsigned = `${b64url({ alg: 'HS256', kid: rsa.kid })}.${b64url(claims())}`;
    const hs = `${unsigned}.${createHmac('sha256', pem).update(unsigned).digest('base64url')}`;
    await refused(v.validate(hs), /token signature is invalid: key is of invalid type for HS256/);
    // An RS256 header naming an EC key.
    await refused(v.validate(await idp.mint(rsa, claims(), { kid: ec.kid })), /token signature is invalid: key is of invalid type for RS256/);
    const good = await idp.mint(rsa, claims());
    const [h, p] = good.split('.');
    await refused(v.validate(`${h}.${b64url(claims({ sub: 'admin' }))}.${good.split('.')[2]}`), /token signature is invalid/);
    await refused(v.validate(`${h}.${p}`), /^token could not be parsed: token is malformed: /);
    await refused(v.validate('not-a-jwt'), /token is malformed/);
    await refused(v.validate(''), /^required authorization token not found$/);
    assert.equal(idp.jwksFetches, 1, 'refresh off: unknown kids never fetch');
  });

  test('key rotation: an unknown kid forces one fetch, then 30 s of cooldown', async () => {
    reset(rsa);
    const v = await validator({ idpSignKeyRefreshEnabled: true });
    assert.equal(idp.jwksFetches, 1);
    const rotated = await makeKey('rsa-2');
    idp.keys = [rotated];
    assert.equal((await v.validate(await idp.mint(rotated, claims()))).userId, 'user-1');
    assert.equal(idp.jwksFetches, 2, 'refreshed once');
    assert.equal((await v.validate(await idp.mint(rotated, claims()))).userId, 'user-1');
    assert.equal(idp.jwksFetches, 2, 'max-age keeps the refreshed set');
    const again = await makeKey('rsa-3');
    idp.keys = [again];
    clock.advance(30_000);
    await refused(v.validate(await idp.mint(again, claims())), /unable to find appropriate key/);
    assert.equal(idp.jwksFetches, 2, 'inside the cooldown: no fetch');
    clock.advance(1);
    assert.equal((await v.validate(await idp.mint(again, claims()))).userId, 'user-1');
    assert.equal(idp.jwksFetches, 3);
  });

  test('refresh on without max-age re-fetches before every validation; failures keep the old keys', async () => {
    reset(rsa);
    idp.cacheControl = undefined;
    const v = await validator({ idpSignKeyRefreshEnabled: true });
    const token = await idp.mint(rsa, claims());
    await v.validate(token);
    await v.validate(token);
    assert.equal(idp.jwksFetches, 3);
    idp.jwksStatus = 503;
    assert.equal((await v.validate(token)).userId, 'user-1', 'the previous keys still verify');
    assert.equal(idp.jwksFetches, 4);
  });

  test('concurrent validations with a new kid share one fetch', async () => {
    reset(rsa);
    const v = await validator({ idpSignKeyRefreshEnabled: true });
    clock.advance(60_000);
    const rotated = await makeKey('rsa-concurrent');
    idp.keys = [rotated];
    const token = await idp.mint(rotated, claims());
    const users = await Promise.all(Array.from({ length: 20 }, () => v.validate(token)));
    assert.ok(users.every((u) => u.userId === 'user-1'));
    assert.equal(idp.jwksFetches, 2);
  });

  test('refresh off: a rotated key is refused and never fetched; a failed start-up fetch is retried until it works', async () => {
    reset(rsa);
    const v = await validator({ idpSignKeyRefreshEnabled: false });
    const rotated = await makeKey('rsa-off');
    idp.keys = [rotated];
    clock.advance(120_000);
    await refused(v.validate(await idp.mint(rotated, claims())), /unable to find appropriate key/);
    assert.equal(idp.jwksFetches, 1);

    reset(rsa);
    idp.jwksStatus = 500;
    const late = await validator({ idpSignKeyRefreshEnabled: false });
    await refused(late.validate(await idp.mint(rsa, claims())), /unable to find appropriate key/);
    idp.jwksStatus = 200;
    assert.equal((await late.validate(await idp.mint(rsa, claims()))).userId, 'user-1');
    assert.equal(idp.jwksFetches, 3, 'start (failed), first validation (failed), second validation');
    await late.validate(await idp.mint(rsa, claims()));
    assert.equal(idp.jwksFetches, 3, 'never again once loaded');
  });
});
