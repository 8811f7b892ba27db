import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_ACCOUNT_SETTINGS } from '../domain/accounts/default-account-settings.js';
import { fakePorts, jobPeer } from './fixtures/fake-peer-job-ports.js';
import { loginExpiryJob } from './login-expiry-job.js';

const H = 3_600_000;
const log = { info() {}, warn() {} };

test('nothing due: no write, next look at the earliest expiry of a connected SSO peer', async () => {
  const { ports, calls } = fakePorts([jobPeer('a', { lastLogin: 2 * H }), jobPeer('b', { lastLogin: H }), jobPeer('c', { connected: false, lastLogin: 0 })]);
  assert.equal(await loginExpiryJob({ ports, log }).look('A', 10 * H), 25 * H);
  assert.deepEqual(calls, []);
});

test('a peer past its expiry is expired through the domain step, and the next look skips it', async () => {
  const { ports, calls } = fakePorts([jobPeer('a', { lastLogin: 0 }), jobPeer('b', { lastLogin: 5 * H })]);
  ports.expireIds = (p) => p.id === 'a';
  assert.equal(await loginExpiryJob({ ports, log }).look('A', 24 * H), 29 * H);
  assert.deepEqual(calls, ['expirePeerLogins']);
});

test('a disconnected peer past its expiry is expired too (as upstream), but schedules nothing', async () => {
  const { ports, calls } = fakePorts([jobPeer('a', { connected: false })]);
  ports.expireIds = () => true;
  assert.equal(await loginExpiryJob({ ports, log }).look('A', 30 * H), undefined);
  assert.deepEqual(calls, ['expirePeerLogins']);
});

test('account setting off or account gone: nothing to do', async () => {
  const off = fakePorts([jobPeer('a')], { ...DEFAULT_ACCOUNT_SETTINGS, peerLoginExpirationEnabled: false });
  assert.equal(await loginExpiryJob({ ports: off.ports, log }).look('A', 30 * H), undefined);
  assert.deepEqual(off.calls, []);
  assert.equal(await loginExpiryJob({ ports: fakePorts(undefined).ports, log }).look('A', 0), undefined);
});

test('only account and SSO activity concern it', () => {
  const job = loginExpiryJob({ ports: fakePorts([]).ports, log });
  assert.deepEqual([job.wants('account'), job.wants('sso-peer'), job.wants('ephemeral-peer')], [true, true, false]);
});
