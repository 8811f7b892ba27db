import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nextInactivityExpiryAt } from './next-inactivity-expiry-at.js';

const MIN = 60_000;
const on = { peerInactivityExpirationEnabled: true, peerInactivityExpiration: 600 };
type P = Parameters<typeof nextInactivityExpiryAt>[0][number];
const sso = (over: Partial<P> = {}): P => ({ userId: 'u1', inactivityExpirationEnabled: true, connected: false, loginExpired: false, lastSeen: 0, ...over });

test('nextInactivityExpiryAt', () => {
  const cases: { name: string; peers: P[]; settings?: typeof on; now: number; want: number | undefined }[] = [
    { name: 'no peers', peers: [], now: 0, want: undefined },
    { name: 'one disconnected SSO peer: lastSeen + expiration', peers: [sso({ lastSeen: 5 * MIN })], now: 6 * MIN, want: 15 * MIN },
    { name: 'the earliest of several', peers: [sso({ lastSeen: 7 * MIN }), sso({ lastSeen: 3 * MIN })], now: 4 * MIN, want: 13 * MIN },
    { name: 'connected peers are not scheduled', peers: [sso({ connected: true })], now: 0, want: undefined },
    { name: 'already expired peers are skipped', peers: [sso({ loginExpired: true })], now: 0, want: undefined },
    { name: 'setup-key peers never expire', peers: [sso({ userId: '' })], now: 0, want: undefined },
    { name: 'per-peer toggle off', peers: [sso({ inactivityExpirationEnabled: false })], now: 0, want: undefined },
    { name: 'account setting off', peers: [sso()], settings: { ...on, peerInactivityExpirationEnabled: false }, now: 0, want: undefined },
    { name: 'past due: one second from now at the soonest', peers: [sso()], now: 60 * MIN, want: 60 * MIN + 1000 },
  ];
  for (const c of cases) assert.equal(nextInactivityExpiryAt(c.peers, c.settings ?? on, c.now), c.want, c.name);
});
