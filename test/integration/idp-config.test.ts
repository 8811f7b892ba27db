/**
 * The `EmbeddedIdP` block and Roost's decision of when the embedded provider runs (IDENTITY.md
 * §1.5, §10), and the auth settings derived from it (§2.1). Pure: no server.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildConfig, embeddedAuthSettings, embeddedIdpSettings } from '../../src/config/config.js';
import { readEnvSettings } from '../../src/config/env-settings.js';
import { parseManagementJson } from '../../src/config/management-json.js';

const SIGNAL = { Signal: { Proto: 'http', URI: '127.0.0.1:10000' } };
const HASH = '$2a$10$' + 'a'.repeat(53);
const parse = (o: Record<string, unknown>) => parseManagementJson(JSON.stringify({ ...SIGNAL, ...o }));
const listen = { host: '0.0.0.0', httpPort: 33071, tls: false };

test('EmbeddedIdP is parsed as upstream writes it; bad values are refused at load', () => {
  const f = parse({ embeddedidp: { enabled: true, issuer: 'https://nb.example.com/oauth2/', DashboardRedirectURIs: ['https://nb.example.com/nb-auth'], Owner: { Email: 'a@b.co', Hash: HASH } } });
  assert.deepEqual(f.embeddedIdp, {
    enabled: true,
    issuer: 'https://nb.example.com/oauth2',
    dashboardRedirectUris: ['https://nb.example.com/nb-auth'],
    cliRedirectUris: [],
    owner: { email: 'a@b.co', hash: HASH, username: 'a@b.co' },
    localAuthDisabled: false,
    signKeyRefreshEnabled: false,
  });
  const table: [string, Record<string, unknown>, RegExp][] = [
    ['issuer outside /oauth2', { Issuer: 'https://nb.example.com/idp' }, /must end in \/oauth2/],
    ['issuer not a URL', { Issuer: 'nb.example.com/oauth2' }, /not an http\(s\) URL/],
    ['owner without hash', { Owner: { Email: 'a@b.co' } }, /Email and Hash are both required/],
    ['owner hash not bcrypt', { Owner: { Email: 'a@b.co', Hash: 'secret' } }, /bcrypt hash/],
    ['enabled not a bool', { Enabled: 'yes' }, /expected true or false/],
  ];
  for (const [name, block, re] of table) assert.throws(() => parse({ EmbeddedIdP: block }), re, name);
});

test('embeddedIdpSettings: on by default for roost serve unless an external IdP is configured; Enabled decides when written', () => {
  const external = parse({ HttpConfig: { AuthAudience: 'api', OIDCConfigEndpoint: 'https://idp.example.com/.well-known/openid-configuration' } });
  const table: [string, Parameters<typeof embeddedIdpSettings>[0], boolean, string | null][] = [
    ['serve, no file', undefined, true, 'http://127.0.0.1:33071/oauth2'],
    ['tests and init: off by default', undefined, false, null],
    ['external IdP', external, true, null],
    ['external IdP, embedded enabled explicitly', { ...external, embeddedIdp: { ...parse({ EmbeddedIdP: { Enabled: true } }).embeddedIdp! } }, true, 'http://127.0.0.1:33071/oauth2'],
    ['disabled', parse({ EmbeddedIdP: { Enabled: false } }), true, null],
    ['issuer given', parse({ EmbeddedIdP: { Issuer: 'https://nb.example.com/oauth2' } }), true, 'https://nb.example.com/oauth2'],
  ];
  for (const [name, file, defaultOn, issuer] of table) assert.equal(embeddedIdpSettings(file, listen, defaultOn)?.issuer ?? null, issuer, name);
  assert.equal(embeddedIdpSettings(undefined, { host: '10.0.0.5', httpPort: 8080, tls: true }, true)?.issuer, 'https://10.0.0.5:8080/oauth2');
  assert.deepEqual(embeddedIdpSettings(undefined, listen, true)?.cliRedirectUris, ['http://localhost:53000/', 'http://localhost:54000/']);
  assert.equal(embeddedIdpSettings(undefined, { ...listen, httpPort: 0 }, true), null, 'a free port: the default provider stays off');
  assert.throws(() => embeddedIdpSettings(parse({ EmbeddedIdP: { Enabled: true } }), { ...listen, httpPort: 0 }, true), /Issuer is required when --http-port is 0/);
  assert.throws(() => embeddedIdpSettings(parse({ EmbeddedIdP: { LocalAuthDisabled: true } }), listen, true), /no other connector/);
});

test('with the embedded IdP, Config.auth is derived from it (IDENTITY.md §1.5, §2.1)', () => {
  const idp = embeddedIdpSettings(undefined, listen, true)!;
  const auth = embeddedAuthSettings(idp);
  const iss = 'http://127.0.0.1:33071/oauth2';
  assert.equal(auth.http.authIssuer, iss);
  assert.equal(auth.http.authAudience, 'netbird-dashboard');
  assert.equal(auth.http.cliAuthAudience, 'netbird-cli');
  assert.equal(auth.http.authUserIdClaim, 'sub');
  assert.equal(auth.http.authKeysLocation, `${iss}/keys`);
  assert.equal(auth.http.oidcConfigEndpoint, '', 'nothing fetched at start');
  assert.equal(auth.deviceAuthorizationFlow?.provider, 'hosted');
  assert.deepEqual(
    { ...auth.deviceAuthorizationFlow!.providerConfig },
    { clientId: 'netbird-cli', clientSecret: '', domain: '', audience: 'netbird-cli', tokenEndpoint: `${iss}/token`, deviceAuthEndpoint: `${iss}/device/code`, authorizationEndpoint: '', scope: 'openid profile email groups', useIdToken: false, redirectUrls: [], disablePromptLogin: false, loginFlag: 0 },
  );
  assert.equal(auth.pkceAuthorizationFlow?.providerConfig.authorizationEndpoint, `${iss}/auth`);
  assert.deepEqual(auth.pkceAuthorizationFlow?.providerConfig.redirectUrls, ['http://localhost:53000/', 'http://localhost:54000/']);

  const config = buildConfig({ flags: { dataDir: '/tmp/x' }, env: readEnvSettings({}), file: undefined, localSecret: 's', embeddedIdpByDefault: true });
  assert.equal(config.embeddedIdp?.issuerDefaulted, true);
  assert.equal(config.auth.http.authIssuer, iss);
  const off = buildConfig({ flags: { dataDir: '/tmp/x' }, env: readEnvSettings({}), file: undefined, localSecret: 's' });
  assert.equal(off.embeddedIdp, null);
  assert.equal(off.auth.http.authIssuer, '');
});
