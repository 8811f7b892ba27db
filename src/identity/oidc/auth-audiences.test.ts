import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NO_AUTH, type AuthSettings, type DeviceFlowSettings } from '../../config/config.js';
import { authAudiences } from './auth-audiences.js';

const NO_PROVIDER = {
  clientId: '', clientSecret: '', domain: '', audience: '', tokenEndpoint: '', deviceAuthEndpoint: '', authorizationEndpoint: '',
  scope: '', useIdToken: false, redirectUrls: [], disablePromptLogin: false, loginFlag: 0 as const,
};

const device = (audience: string, provider = 'hosted'): DeviceFlowSettings => ({
  provider,
  providerConfig: { ...NO_PROVIDER, audience },
});
test('authAudiences: AuthAudience, then the extra and device audiences when set; never PKCE or CLI', () => {
  const http = (authAudience: string, extraAuthAudience = '', cliAuthAudience = '') => ({ ...NO_AUTH.http, authAudience, extraAuthAudience, cliAuthAudience });
  const cases: [string, AuthSettings, string[]][] = [
    ['nothing configured', NO_AUTH, ['']],
    ['audience only', { ...NO_AUTH, http: http('api') }, ['api']],
    ['extra audience', { ...NO_AUTH, http: http('api', 'extra') }, ['api', 'extra']],
    ['device audience', { ...NO_AUTH, http: http('api'), deviceAuthorizationFlow: device('cli') }, ['api', 'cli']],
    ['device flow without audience', { ...NO_AUTH, http: http('api'), deviceAuthorizationFlow: device('') }, ['api']],
    ['device audience even when the flow is none', { ...NO_AUTH, http: http('api'), deviceAuthorizationFlow: device('cli', 'none') }, ['api', 'cli']],
    ['all three', { ...NO_AUTH, http: http('api', 'extra'), deviceAuthorizationFlow: device('cli') }, ['api', 'extra', 'cli']],
    ['PKCE and CLI audiences are not accepted', { ...NO_AUTH, http: http('api', '', 'netbird-cli'), pkceAuthorizationFlow: { providerConfig: { ...NO_PROVIDER, audience: 'pkce' } } }, ['api']],
  ];
  for (const [name, auth, want] of cases) assert.deepEqual(authAudiences(auth), want, name);
});
