import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isPeerInactive, type InactivityPeer } from './is-peer-inactive.js';

const MIN = 60_000;
const on = { peerInactivityExpirationEnabled: true, peerInactivityExpiration: 600 };
const sso = (over: Partial<InactivityPeer> = {}): InactivityPeer => ({ userId: 'u1', inactivityExpirationEnabled: true, connected: false, lastSeen: 0, ...over });

test('isPeerInactive', () => {
  const cases: { name: string; peer: InactivityPeer; settings?: typeof on; now: number; want: boolean }[] = [
    { name: 'disconnected SSO peer before the limit', peer: sso(), now: 10 * MIN - 1, want: false },
    { name: 'at the limit', peer: sso(), now: 10 * MIN, want: true },
    { name: 'long gone', peer: sso({ lastSeen: MIN }), now: 100 * MIN, want: true },
    { name: 'connected peers are never inactive', peer: sso({ connected: true }), now: 100 * MIN, want: false },
    { name: 'setup-key peers never expire', peer: sso({ userId: '' }), now: 100 * MIN, want: false },
    { name: 'per-peer toggle off', peer: sso({ inactivityExpirationEnabled: false }), now: 100 * MIN, want: false },
    { name: 'account setting off', peer: sso(), settings: { ...on, peerInactivityExpirationEnabled: false }, now: 100 * MIN, want: false },
  ];
  for (const c of cases) assert.equal(isPeerInactive(c.peer, c.settings ?? on, c.now), c.want, c.name);
});
