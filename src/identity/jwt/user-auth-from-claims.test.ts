import { test } from 'node:test';
import assert from 'node:assert/strict';
import { customClaimName, userAuthFromClaims } from './user-auth-from-claims.js';

test('customClaimName joins the audience and the suffix as a URL path', () => {
  const cases: [string, string][] = [
    ['https://api.example.com/', 'https://api.example.com/wt_account_id'],
    ['https://api.example.com', 'https://api.example.com/wt_account_id'],
    ['https://api.example.com/v1//', 'https://api.example.com/v1/wt_account_id'],
    ['https://api.example.com/a/../b', 'https://api.example.com/b/wt_account_id'],
    ['https://api.example.com/x?q=1', 'https://api.example.com/x/wt_account_id?q=1'],
    ['api://netbird', 'api://netbird/wt_account_id'],
    ['netbird-dashboard', 'netbird-dashboard/wt_account_id'],
    ['', 'wt_account_id'],
  ];
  for (const [aud, want] of cases) assert.equal(customClaimName(aud, 'wt_account_id'), want, aud);
});

test('userAuthFromClaims reads the user, NetBird custom claims and profile', () => {
  const aud = 'https://api.example.com/';
  const c = (s: string) => `${aud}${s}`;
  const claims = {
    sub: 'user-1',
    oid: 'azure-oid',
    email: 'a@example.com',
    name: 'Ann',
    [c('wt_account_id')]: 'acc-1',
    [c('wt_account_domain')]: 'example.com',
    [c('wt_account_domain_category')]: 'private',
    [c('nb_last_login')]: '2026-01-02T03:04:05Z',
    [c('nb_invited')]: true,
  };
  const u = userAuthFromClaims(claims, { authAudience: aud, userIdClaim: '' });
  assert.deepEqual({ ...u, claims: undefined }, {
    userId: 'user-1',
    accountId: 'acc-1',
    domain: 'example.com',
    domainCategory: 'private',
    lastLoginMs: Date.UTC(2026, 0, 2, 3, 4, 5),
    invited: true,
    email: 'a@example.com',
    name: 'Ann',
    claims: undefined,
  });
  assert.equal(u.claims, claims);
  assert.equal(userAuthFromClaims(claims, { authAudience: aud, userIdClaim: 'oid' }).userId, 'azure-oid');
});

test('userAuthFromClaims: absent and odd values', () => {
  const names = { authAudience: 'api', userIdClaim: '' };
  const cases: [string, Record<string, unknown>, Partial<ReturnType<typeof userAuthFromClaims>>][] = [
    ['only sub', { sub: 'u' }, { userId: 'u', accountId: '', domain: '', domainCategory: '', lastLoginMs: undefined, invited: false, email: '', name: '' }],
    ['empty sub is a string (refused later by provisioning)', { sub: '' }, { userId: '' }],
    ['last login not RFC 3339', { sub: 'u', 'api/nb_last_login': '02/01/2026' }, { lastLoginMs: undefined }],
    ['last login with offset', { sub: 'u', 'api/nb_last_login': '2026-01-02T05:04:05.5+02:00' }, { lastLoginMs: Date.UTC(2026, 0, 2, 3, 4, 5, 500) }],
    ['invited not a bool', { sub: 'u', 'api/nb_invited': 'true' }, { invited: false }],
    ['email and name not strings', { sub: 'u', email: 5, name: ['x'] }, { email: '', name: '' }],
  ];
  for (const [name, claims, want] of cases) {
    const got = userAuthFromClaims(claims, names);
    for (const [k, v] of Object.entries(want)) assert.deepEqual(got[k as keyof typeof got], v, `${name}: ${k}`);
  }
  const refused: [string, Record<string, unknown>, RegExp][] = [
    ['no sub', {}, /: user ID claim token value is empty$/],
    ['sub not a string', { sub: 42 }, /: user ID claim token value is empty$/],
    ['configured claim missing', { sub: 'u' }, /: user ID claim token value is empty$/],
    ['account hint not a string', { sub: 'u', 'api/wt_account_id': 7 }, /claim api\/wt_account_id must be a string/],
    ['domain not a string', { sub: 'u', 'api/wt_account_domain': null }, /wt_account_domain must be a string/],
  ];
  for (const [name, claims, re] of refused) {
    assert.throws(() => userAuthFromClaims(claims, name === 'configured claim missing' ? { ...names, userIdClaim: 'oid' } : names), re, name);
  }
});
