import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NO_AUTH, type AuthSettings } from '../../config/config.js';
import { sshJwtConfig } from './ssh-jwt-config.js';

const auth = (http: Partial<AuthSettings['http']>, tokenEndpoint?: string): AuthSettings => ({
  ...NO_AUTH,
  http: { ...NO_AUTH.http, ...http },
  deviceAuthorizationFlow:
    tokenEndpoint === undefined ? null : { provider: 'hosted', providerConfig: { clientId: 'c', clientSecret: '', domain: '', audience: '', tokenEndpoint, deviceAuthEndpoint: '', authorizationEndpoint: '', scope: '', useIdToken: false, redirectUrls: [], disablePromptLogin: false, loginFlag: 0 } },
});

test('sshJwtConfig follows IDENTITY.md §2.7', () => {
  const cases: { name: string; in: AuthSettings; want: ReturnType<typeof sshJwtConfig> }[] = [
    { name: 'no SSO', in: NO_AUTH, want: null },
    { name: 'issuer but no audience', in: auth({ authIssuer: 'https://idp.example/' }), want: null },
    { name: 'audience but no issuer nor device flow', in: auth({ authAudience: 'api' }), want: null },
    {
      name: 'issuer, audience, keys',
      in: auth({ authIssuer: 'https://idp.example/', authAudience: 'api', authKeysLocation: 'https://idp.example/keys' }),
      want: { issuer: 'https://idp.example/', audience: 'api', audiences: ['api'], keysLocation: 'https://idp.example/keys' },
    },
    {
      name: 'CLI audience preferred and added; keys derived from the issuer',
      in: auth({ authIssuer: 'https://idp.example/', authAudience: 'api', cliAuthAudience: 'cli' }),
      want: { issuer: 'https://idp.example/', audience: 'cli', audiences: ['api', 'cli'], keysLocation: 'https://idp.example/.well-known/jwks.json' },
    },
    {
      name: 'same CLI audience listed once',
      in: auth({ authIssuer: 'https://idp.example', authAudience: 'api', cliAuthAudience: 'api' }),
      want: { issuer: 'https://idp.example', audience: 'api', audiences: ['api'], keysLocation: 'https://idp.example/.well-known/jwks.json' },
    },
    {
      name: 'issuer from the device token endpoint',
      in: auth({ authAudience: 'api' }, 'https://login.example:8443/oauth/token'),
      want: { issuer: 'https://login.example:8443/', audience: 'api', audiences: ['api'], keysLocation: 'https://login.example:8443/.well-known/jwks.json' },
    },
    { name: 'unparsable token endpoint', in: auth({ authAudience: 'api' }, 'not a url'), want: null },
  ];
  for (const c of cases) assert.deepEqual(sshJwtConfig(c.in), c.want, c.name);
});
