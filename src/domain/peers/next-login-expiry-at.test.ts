import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nextLoginExpiryAt } from './next-login-expiry-at.js';

const H = 3_600_000;
const on = { peerLoginExpirationEnabled: true, peerLoginExpiration: 24 * 3600 };
const sso = (over: Partial<Parameters<typeof nextLoginExpiryAt>[0][number]> = {}) => ({
  userId: 'u1', loginExpirationEnabled: true, loginExpired: false, connected: true, lastLogin: 0, ...over,
});

test('nextLoginExpiryAt', () => {
  const cases: { name: string; peers: Parameters<typeof nextLoginExpiryAt>[0]; settings?: typeof on; now: number; want: number | undefined }[] = [
    { name: 'no peers', peers: [], now: 0, want: undefined },
    { name: 'one connected SSO peer: lastLogin + expiration', peers: [sso({ lastLogin: 5 * H })], now: 6 * H, want: 29 * H },
    { name: 'the earliest of several', peers: [sso({ lastLogin: 5 * H }), sso({ lastLogin: 2 * H }), sso({ lastLogin: 9 * H })], now: 3 * H, want: 26 * H },
    { name: 'disconnected peers are not scheduled (refused at their next Sync)', peers: [sso({ connected: false })], now: 0, want: undefined },
    { name: 'already expired peers are skipped', peers: [sso({ loginExpired: true }), sso({ lastLogin: H })], now: 0, want: 25 * H },
    { name: 'setup-key peers never expire', peers: [sso({ userId: '' })], now: 0, want: undefined },
    { name: 'per-peer toggle off', peers: [sso({ loginExpirationEnabled: false })], now: 0, want: undefined },
    { name: 'account setting off', peers: [sso()], settings: { ...on, peerLoginExpirationEnabled: false }, now: 0, want: undefined },
    { name: 'past due: one second from now at the soonest', peers: [sso({ lastLogin: 0 })], now: 30 * H, want: 30 * H + 1000 },
    { name: 'less than a second away: one second from now', peers: [sso({ lastLogin: 0 })], now: 24 * H - 10, want: 24 * H + 990 },
  ];
  for (const c of cases) assert.equal(nextLoginExpiryAt(c.peers, c.settings ?? on, c.now), c.want, c.name);
});
