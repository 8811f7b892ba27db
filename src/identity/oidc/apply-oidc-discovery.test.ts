import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NO_AUTH, type AuthSettings, type ProviderSettings } from '../../config/config.js';
import { applyDiscovery, hostOf, type OidcDiscoveryDocument } from './apply-oidc-discovery.js';

const PROVIDER: ProviderSettings = {
  clientId: 'cli', clientSecret: '', domain: 'old.example', audience: 'aud', tokenEndpoint: 'https://old/token',
  deviceAuthEndpoint: 'https://old/device', authorizationEndpoint: 'https://old/auth', scope: '', useIdToken: true,
  redirectUrls: ['http://localhost:53000/'], disablePromptLogin: false, loginFlag: 1,
};
const DOC: OidcDiscoveryDocument = {
  issuer: 'https://idp.example/realms/x',
  jwksUri: 'https://idp.example/realms/x/certs',
  tokenEndpoint: 'https://idp.example/token',
  deviceAuthorizationEndpoint: 'https://idp.example/device',
  authorizationEndpoint: 'https://idp.example/auth',
};
const URL_ = 'https://idp.example:8443/realms/x/.well-known/openid-configuration';
const base: AuthSettings = {
  http: { ...NO_AUTH.http, authIssuer: 'old-iss', authKeysLocation: 'https://old/keys', authAudience: 'api', oidcConfigEndpoint: URL_ },
  deviceAuthorizationFlow: { provider: 'HOSTED', providerConfig: PROVIDER },
  pkceAuthorizationFlow: { providerConfig: { ...PROVIDER, scope: 'openid email' } },
};

test('applyDiscovery overwrites what discovery owns and nothing else', () => {
  const out = applyDiscovery(base, DOC, URL_);
  assert.deepEqual(out.http, { ...base.http, authIssuer: DOC.issuer, authKeysLocation: DOC.jwksUri });
  assert.deepEqual(out.deviceAuthorizationFlow, {
    provider: 'HOSTED',
    providerConfig: { ...PROVIDER, tokenEndpoint: DOC.tokenEndpoint, deviceAuthEndpoint: DOC.deviceAuthorizationEndpoint, domain: 'idp.example:8443', scope: 'openid' },
  });
  assert.deepEqual(out.pkceAuthorizationFlow, {
    providerConfig: { ...PROVIDER, scope: 'openid email', tokenEndpoint: DOC.tokenEndpoint, authorizationEndpoint: DOC.authorizationEndpoint },
  });
  assert.equal(base.http.authIssuer, 'old-iss', 'the input is not changed');
});

test('applyDiscovery: flow blocks per case', async (t) => {
  const cases: [string, AuthSettings, (out: AuthSettings) => void][] = [
    ['no flow blocks stay absent', { ...base, deviceAuthorizationFlow: null, pkceAuthorizationFlow: null }, (o) => {
      assert.equal(o.deviceAuthorizationFlow, null);
      assert.equal(o.pkceAuthorizationFlow, null);
    }],
    ['device provider none (any case) is left alone', { ...base, deviceAuthorizationFlow: { provider: 'None', providerConfig: PROVIDER } }, (o) => {
      assert.deepEqual(o.deviceAuthorizationFlow, { provider: 'None', providerConfig: PROVIDER });
    }],
    ['a configured device scope is kept', { ...base, deviceAuthorizationFlow: { provider: 'hosted', providerConfig: { ...PROVIDER, scope: 'openid groups' } } }, (o) => {
      assert.equal(o.deviceAuthorizationFlow?.providerConfig.scope, 'openid groups');
    }],
    ['an unknown provider is still overwritten (the RPC refuses it later)', { ...base, deviceAuthorizationFlow: { provider: 'auth0', providerConfig: PROVIDER } }, (o) => {
      assert.equal(o.deviceAuthorizationFlow?.providerConfig.tokenEndpoint, DOC.tokenEndpoint);
    }],
  ];
  for (const [name, input, check] of cases) await t.test(name, () => check(applyDiscovery(input, DOC, URL_)));
});

test('applyDiscovery takes empty document values as upstream does', () => {
  const empty: OidcDiscoveryDocument = { issuer: '', jwksUri: '', tokenEndpoint: '', deviceAuthorizationEndpoint: '', authorizationEndpoint: '' };
  const out = applyDiscovery(base, empty, URL_);
  assert.equal(out.http.authIssuer, '');
  assert.equal(out.deviceAuthorizationFlow?.providerConfig.deviceAuthEndpoint, '');
  assert.equal(out.pkceAuthorizationFlow?.providerConfig.authorizationEndpoint, '');
});

test('hostOf keeps the port as written and drops user info', () => {
  const cases: [string, string][] = [
    ['https://idp.example/.well-known/openid-configuration', 'idp.example'],
    ['https://idp.example:443/x', 'idp.example:443'],
    ['http://127.0.0.1:5556', '127.0.0.1:5556'],
    ['https://user:pw@idp.example:8443/x', 'idp.example:8443'],
    ['https://[::1]:9000/x?y#z', '[::1]:9000'],
    ['not a url', ''],
  ];
  for (const [url, want] of cases) assert.equal(hostOf(url), want, url);
});
