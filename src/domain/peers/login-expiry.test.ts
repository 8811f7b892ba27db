import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_ACCOUNT_SETTINGS } from '../accounts/default-account-settings.js';
import type { Peer } from '../model.js';
import { makePeerMeta } from '../peer-meta.js';
import { isPeerLoginExpired } from './login-expiry.js';

const DAY = 86_400_000;
const peer = (over: Partial<Peer>): Peer => ({
  id: 'p', accountId: 'a', key: 'k', ip: '100.64.0.1', name: 'n', dnsLabel: 'n', extraDnsLabels: [], allowExtraDnsLabels: false,
  meta: makePeerMeta(), connected: false, lastSeen: 0, loginExpired: false, requiresApproval: false, userId: 'u1', sshKey: '',
  sshEnabled: false, loginExpirationEnabled: true, inactivityExpirationEnabled: false, lastLogin: 0, createdAt: 0, ephemeral: false,
  connectionIp: '', loginGeneration: 0, ...over,
});

test('isPeerLoginExpired', () => {
  const s = DEFAULT_ACCOUNT_SETTINGS; // enabled, 24 h
  const cases: { name: string; p: Peer; settings?: typeof s; now: number; want: boolean }[] = [
    { name: 'setup-key peer never expires', p: peer({ userId: '', loginExpired: true }), now: 10 * DAY, want: false },
    { name: 'SSO peer within the window', p: peer({}), now: DAY - 1, want: false },
    { name: 'SSO peer at the boundary', p: peer({}), now: DAY, want: true },
    { name: 'per-peer toggle off', p: peer({ loginExpirationEnabled: false }), now: 10 * DAY, want: false },
    { name: 'account toggle off', p: peer({}), settings: { ...s, peerLoginExpirationEnabled: false }, now: 10 * DAY, want: false },
    { name: 'already marked expired', p: peer({ loginExpired: true, loginExpirationEnabled: false }), now: 0, want: true },
  ];
  for (const c of cases) assert.equal(isPeerLoginExpired(c.p, c.settings ?? s, c.now), c.want, c.name);
});
