import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseManagementJson, renderTemplate } from './management-json.js';
import { isRoostError } from '../domain/errors.js';

test('renders {{ .VAR }} from the environment before parsing', () => {
  assert.equal(renderTemplate('{"Secret": "{{ .TURN_SECRET }}", "X": "{{.MISSING}}"}', { TURN_SECRET: 's3' }), '{"Secret": "s3", "X": ""}');
});

test('parses the NetBird subset with case-insensitive keys and Go durations', () => {
  const cfg = parseManagementJson(
    JSON.stringify({
      stuns: [{ Proto: 'udp', URI: 'stun:stun.example:3478' }],
      TURNConfig: { TimeBasedCredentials: true, CredentialsTTL: '12h', Secret: 'turn-secret', Turns: [{ Proto: 'udp', URI: 'turn:turn.example:3478', Username: 'u', Password: 'p' }] },
      Relay: { Addresses: ['rels://relay.example:443'], CredentialsTTL: 86400000000000, Secret: 'relay-secret' },
      Signal: { Proto: 'https', URI: 'signal.example:443' },
      Datadir: '/var/lib/netbird',
      StoreConfig: { Engine: 'postgres' },
      HttpConfig: { CertFile: '/c', CertKey: '/k' },
      SomethingUnknown: 1,
    }),
  );
  assert.equal(cfg.stuns?.[0]?.uri, 'stun:stun.example:3478');
  assert.equal(cfg.turn?.credentialsTtlMs, 12 * 3600_000);
  assert.equal(cfg.turn?.turns[0]?.username, 'u');
  assert.equal(cfg.relay?.credentialsTtlMs, 24 * 3600_000);
  assert.equal(cfg.signal?.proto, 'https');
  assert.equal(cfg.datadir, '/var/lib/netbird');
  assert.equal(cfg.storeEngine, 'postgres');
  assert.deepEqual(cfg.http, { certFile: '/c', certKey: '/k', authUserIdClaim: undefined });
});

test('rejects what upstream would panic on or silently mis-serve', () => {
  const bad: [string, unknown][] = [
    ['not json', '{'],
    ['unknown host protocol', { Signal: { Proto: 'quic', URI: 'x:1' } }],
    ['host without URI', { Stuns: [{ Proto: 'udp' }] }],
    ['time-based TURN without TTL', { TURNConfig: { TimeBasedCredentials: true, Secret: 's', Turns: [] } }],
    ['time-based TURN without secret', { TURNConfig: { TimeBasedCredentials: true, CredentialsTTL: '1h', Turns: [] } }],
    ['relay without TTL', { Relay: { Addresses: ['rel://x:1'], Secret: 's' } }],
    ['relay without secret', { Relay: { Addresses: ['rel://x:1'], CredentialsTTL: '1h' } }],
    ['mysql engine', { StoreConfig: { Engine: 'mysql' } }],
    ['bad duration', { Relay: { Addresses: [], CredentialsTTL: 'soon', Secret: 's' } }],
  ];
  for (const [name, v] of bad) {
    assert.throws(() => parseManagementJson(typeof v === 'string' ? v : JSON.stringify(v)), (e: unknown) => isRoostError(e, 'InvalidArgument'), name);
  }
});

test('HttpConfig auth keys and both flow blocks, keys matched case-insensitively', () => {
  const cfg = parseManagementJson(
    JSON.stringify({
      HttpConfig: {
        authissuer: 'https://idp.example/',
        AuthAudience: 'api',
        ExtraAuthAudience: 'extra',
        CLIAuthAudience: 'cli',
        AuthUserIDClaim: 'oid',
        AuthKeysLocation: 'https://idp.example/keys',
        IdpSignKeyRefreshEnabled: true,
        OIDCConfigEndpoint: 'https://idp.example/.well-known/openid-configuration',
      },
      DeviceAuthorizationFlow: { Provider: 'hosted', ProviderConfig: { ClientID: 'c', Audience: 'api', Scope: 'openid', UseIDToken: true } },
      pkceauthorizationflow: { providerconfig: { ClientID: 'p', RedirectURLs: ['http://localhost:53000/'], DisablePromptLogin: true, LoginFlag: 1, ClientSecret: null } },
    }),
  );
  assert.deepEqual(cfg.auth?.http, {
    authIssuer: 'https://idp.example/',
    authAudience: 'api',
    extraAuthAudience: 'extra',
    cliAuthAudience: 'cli',
    authUserIdClaim: 'oid',
    authKeysLocation: 'https://idp.example/keys',
    idpSignKeyRefreshEnabled: true,
    oidcConfigEndpoint: 'https://idp.example/.well-known/openid-configuration',
  });
  const empty = { clientId: '', clientSecret: '', domain: '', audience: '', tokenEndpoint: '', deviceAuthEndpoint: '', authorizationEndpoint: '', scope: '', useIdToken: false, redirectUrls: [], disablePromptLogin: false, loginFlag: 0 };
  assert.deepEqual(cfg.auth?.deviceAuthorizationFlow, { provider: 'hosted', providerConfig: { ...empty, clientId: 'c', audience: 'api', scope: 'openid', useIdToken: true } });
  assert.deepEqual(cfg.auth?.pkceAuthorizationFlow, { providerConfig: { ...empty, clientId: 'p', redirectUrls: ['http://localhost:53000/'], disablePromptLogin: true, loginFlag: 1 } });
});

test('absent auth blocks: empty HttpConfig keys, no flows; unknown providers load (the RPC refuses them)', () => {
  const none = parseManagementJson('{"HttpConfig": {"CertFile": "/c"}, "DeviceAuthorizationFlow": null}');
  assert.equal(none.auth?.http.authAudience, '');
  assert.equal(none.auth?.http.idpSignKeyRefreshEnabled, false);
  assert.equal(none.auth?.deviceAuthorizationFlow, null);
  assert.equal(none.auth?.pkceAuthorizationFlow, null);
  assert.equal(parseManagementJson('{"DeviceAuthorizationFlow": {"Provider": "auth0"}}').auth?.deviceAuthorizationFlow?.provider, 'auth0');
  assert.equal(parseManagementJson('{"DeviceAuthorizationFlow": {}}').auth?.deviceAuthorizationFlow?.provider, '');
});

test('bad auth settings are refused with the key named', () => {
  const bad: [unknown, RegExp][] = [
    [{ HttpConfig: { AuthAudience: 5 } }, /^HttpConfig\.AuthAudience: expected a string$/],
    [{ HttpConfig: { IdpSignKeyRefreshEnabled: 'true' } }, /^HttpConfig\.IdpSignKeyRefreshEnabled: expected true or false$/],
    [{ HttpConfig: { OIDCConfigEndpoint: 'idp.example/.well-known' } }, /^HttpConfig\.OIDCConfigEndpoint: .* is not an http\(s\) URL$/],
    [{ HttpConfig: { AuthKeysLocation: 'file:///etc/keys' } }, /^HttpConfig\.AuthKeysLocation: /],
    [{ DeviceAuthorizationFlow: 'hosted' }, /^DeviceAuthorizationFlow: expected an object$/],
    [{ DeviceAuthorizationFlow: { Provider: 1 } }, /^DeviceAuthorizationFlow\.Provider: expected a string$/],
    [{ DeviceAuthorizationFlow: { ProviderConfig: { UseIDToken: 1 } } }, /^DeviceAuthorizationFlow\.ProviderConfig\.UseIDToken: /],
    [{ DeviceAuthorizationFlow: { ProviderConfig: [] } }, /^DeviceAuthorizationFlow\.ProviderConfig: expected an object$/],
    [{ PKCEAuthorizationFlow: { ProviderConfig: { RedirectURLs: 'http://localhost:53000/' } } }, /^PKCEAuthorizationFlow\.ProviderConfig\.RedirectURLs: expected a list/],
    [{ PKCEAuthorizationFlow: { ProviderConfig: { RedirectURLs: [53000] } } }, /^PKCEAuthorizationFlow\.ProviderConfig\.RedirectURLs\[0\]: expected a string$/],
    [{ PKCEAuthorizationFlow: { ProviderConfig: { LoginFlag: 3 } } }, /^PKCEAuthorizationFlow\.ProviderConfig\.LoginFlag: must be 0/],
    [{ PKCEAuthorizationFlow: { ProviderConfig: { LoginFlag: '1' } } }, /LoginFlag: must be 0/],
    [{ PKCEAuthorizationFlow: { ProviderConfig: { ClientID: ['x'] } } }, /^PKCEAuthorizationFlow\.ProviderConfig\.ClientID: expected a string$/],
  ];
  for (const [v, re] of bad) {
    assert.throws(() => parseManagementJson(JSON.stringify(v)), (e: unknown) => (isRoostError(e, 'InvalidArgument') && re.test(e.message)) || assert.fail(`${JSON.stringify(v)}: ${String(e)}`));
  }
});
