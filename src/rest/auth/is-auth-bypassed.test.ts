import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isAuthBypassed } from './is-auth-bypassed.js';

test('isAuthBypassed: upstream\'s list, `*` within one segment, the query ignored', () => {
  const cases: [string, boolean][] = [
    ['/api/instance', true],
    ['/api/instance?x=1', true],
    ['/api/instance/', false],
    ['/api/instance/version', false],
    ['/api/setup', true],
    ['/api/setup/x', false],
    ['/api/users/invites/nbi_abc', true],
    ['/api/users/invites/nbi_', true],
    ['/api/users/invites/nbi_abc/accept', true],
    ['/api/users/invites/nbi_%61bc/accept', true],
    ['/api/users/invites/nbi_a/b', false],
    ['/api/users/invites/nbi_a%2Fb/accept', false],
    ['/api/users/invites/abc', false],
    ['/api/users/invites', false],
    ['/api/users/invites/nbi_abc/regenerate', false],
    ['/api/reverse-proxy/callback', true],
    ['/api/reverse-proxy/callback?code=x&state=y', true],
    ['/api/users', false],
    ['/api/users/current', false],
    ['/api/peers', false],
    ['/api/%zz', false],
    ['/API/instance', false],
  ];
  for (const [url, want] of cases) assert.equal(isAuthBypassed(url), want, url);
});
