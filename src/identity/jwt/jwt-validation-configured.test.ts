import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NO_AUTH, type AuthSettings, type ProviderSettings } from '../../config/config.js';
import { jwtValidationConfigured } from './jwt-validation-configured.js';

test('jwtValidationConfigured: a JWKS location and some accepted audience', () => {
  const device = (audience: string) => ({ provider: 'hosted', providerConfig: { audience } as ProviderSettings });
  const auth = (http: Partial<AuthSettings['http']>, deviceAudience?: string): AuthSettings => ({
    ...NO_AUTH,
    http: { ...NO_AUTH.http, ...http },
    deviceAuthorizationFlow: deviceAudience === undefined ? null : device(deviceAudience),
  });
  const cases: [string, AuthSettings, boolean][] = [
    ['nothing configured', NO_AUTH, false],
    ['audience and keys', auth({ authAudience: 'api', authKeysLocation: 'https://idp/jwks' }), true],
    ['keys without any audience', auth({ authKeysLocation: 'https://idp/jwks' }), false],
    ['audience without keys', auth({ authAudience: 'api' }), false],
    ['only the extra audience', auth({ extraAuthAudience: 'cli', authKeysLocation: 'https://idp/jwks' }), true],
    ['only the device flow audience', auth({ authKeysLocation: 'https://idp/jwks' }, 'dev'), true],
    ['device flow without audience', auth({ authKeysLocation: 'https://idp/jwks' }, ''), false],
  ];
  for (const [name, a, want] of cases) assert.equal(jwtValidationConfigured(a), want, name);
});
