import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loginExpiredIn } from './login-expired-in.js';

test('loginExpiredIn', () => {
  const snapshot = {
    peers: [
      { id: 'sso-expired', userId: 'u1', loginExpired: true },
      { id: 'sso-fine', userId: 'u1', loginExpired: false },
      { id: 'key-peer', userId: '', loginExpired: true },
    ] as never,
  };
  const cases: { name: string; peer: { id: string; userId: string }; want: boolean }[] = [
    { name: 'SSO peer marked expired: the stream ends', peer: { id: 'sso-expired', userId: 'u1' }, want: true },
    { name: 'SSO peer not marked', peer: { id: 'sso-fine', userId: 'u1' }, want: false },
    { name: 'setup-key peer: never', peer: { id: 'key-peer', userId: '' }, want: false },
    { name: 'peer missing from the snapshot (deletion ends it otherwise)', peer: { id: 'gone', userId: 'u1' }, want: false },
  ];
  for (const c of cases) assert.equal(loginExpiredIn(snapshot, c.peer), c.want, c.name);
});
