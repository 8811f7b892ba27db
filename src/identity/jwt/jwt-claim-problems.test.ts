import { test } from 'node:test';
import assert from 'node:assert/strict';
import { jwtClaimProblems } from './jwt-claim-problems.js';

test('jwtClaimProblems: time, audience and issuer checks without leeway', () => {
  const now = 1_800_000_000_000; // whole second
  const s = now / 1000;
  const ok = { aud: 'api', iss: 'https://idp' };
  const expect = { nowMs: now, issuer: 'https://idp', audiences: ['api', 'extra'] };
  const cases: [string, Record<string, unknown>, typeof expect, string[]][] = [
    ['minimal valid token (no exp: not required)', ok, expect, []],
    ['exp one second ahead', { ...ok, exp: s + 1 }, expect, []],
    ['exp now: expired (valid while now < exp)', { ...ok, exp: s }, expect, ['token is expired']],
    ['exp fraction is dropped', { ...ok, exp: s + 0.9 }, expect, ['token is expired']],
    ['exp not a number', { ...ok, exp: String(s + 60) }, expect, ['invalid type for claim: exp is invalid']],
    ['nbf now: valid', { ...ok, nbf: s }, expect, []],
    ['nbf one second ahead', { ...ok, nbf: s + 1 }, expect, ['token is not valid yet']],
    ['iat now: valid', { ...ok, iat: s }, expect, []],
    ['iat in the future', { ...ok, iat: s + 1 }, expect, ['token used before issued']],
    ['extra audience in a list', { ...ok, aud: ['x', 'extra'] }, expect, []],
    ['wrong audience', { ...ok, aud: 'other' }, expect, ['token has invalid audience']],
    ['no audience', { iss: 'https://idp' }, expect, ['token is missing required claim: aud claim is required']],
    ['wrong issuer', { ...ok, iss: 'https://evil' }, expect, ['token has invalid issuer']],
    ['issuer differs by a trailing slash', { ...ok, iss: 'https://idp/' }, expect, ['token has invalid issuer']],
    ['no issuer while one is configured', { aud: 'api' }, expect, ['token is missing required claim: iss claim is required']],
    ['issuer not a string', { aud: 'api', iss: 1 }, expect, ['invalid type for claim: iss is invalid']],
    ['no issuer configured: any issuer', { aud: 'api', iss: 'whatever' }, { ...expect, issuer: '' }, []],
    ['several problems, in order', { aud: 'x', iss: 'y', exp: s - 1, nbf: s + 5 }, expect, ['token is expired', 'token is not valid yet', 'token has invalid audience', 'token has invalid issuer']],
  ];
  for (const [name, claims, e, want] of cases) assert.deepEqual(jwtClaimProblems(claims, e), want, name);
});
