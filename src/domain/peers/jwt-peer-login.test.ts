import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_ACCOUNT_SETTINGS } from '../accounts/default-account-settings.js';
import type { Peer, User } from '../model.js';
import { jwtPeerLogin } from './jwt-peer-login.js';

const NOW = Date.UTC(2026, 0, 2);
const HOUR = 3_600_000;
const settings = { ...DEFAULT_ACCOUNT_SETTINGS, peerLoginExpirationEnabled: true, peerLoginExpiration: 3600 };
const peer = (over: Partial<Peer> = {}) => ({ userId: 'alice', loginExpirationEnabled: true, loginExpired: false, lastLogin: NOW - 10 * 60_000, ...over }) as Peer;
const user = (over: Partial<User> = {}) => ({ id: 'alice', blocked: false, pendingApproval: false, ...over }) as User;

test('jwtPeerLogin: owner, blocked and expiry decide a JWT Login of a known peer', () => {
  const cases: [string, Peer, string, User | undefined, string][] = [
    ['own peer, not expired: nothing renewed', peer(), 'alice', user(), 'ok renew=false'],
    ['own peer, expired by time: renewed', peer({ lastLogin: NOW - HOUR }), 'alice', user(), 'ok renew=true'],
    ['own peer, marked expired: renewed', peer({ loginExpired: true }), 'alice', user(), 'ok renew=true'],
    ['peer expiration off: nothing renewed', peer({ lastLogin: NOW - 2 * HOUR, loginExpirationEnabled: false }), 'alice', user(), 'ok renew=false'],
    ['another user’s peer', peer(), 'bob', user({ id: 'bob' }), 'PermissionDenied: peer is already registered by a different User or a Setup Key'],
    ['a setup-key peer', peer({ userId: '' }), 'alice', user(), 'PermissionDenied: peer is already registered by a different User or a Setup Key'],
    ['blocked owner', peer({ loginExpired: true }), 'alice', user({ blocked: true }), 'PermissionDenied: user is blocked'],
    ['pending owner', peer(), 'alice', user({ pendingApproval: true }), 'PermissionDenied: user is blocked'],
    ['owner gone', peer(), 'alice', undefined, 'NotFound: user alice not found'],
  ];
  for (const [name, p, jwtUserId, owner, want] of cases) {
    const got = jwtPeerLogin({ peer: p, jwtUserId, owner, settings, now: NOW });
    assert.equal(got.ok ? `ok renew=${got.renew}` : `${got.error.kind}: ${got.error.message}`, want, name);
  }
});
