import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_ACCOUNT_SETTINGS } from '../domain/accounts/default-account-settings.js';
import { inactivityExpiryJob } from './inactivity-expiry-job.js';
import { fakePorts, jobPeer } from './fixtures/fake-peer-job-ports.js';

const MIN = 60_000;
const on = { ...DEFAULT_ACCOUNT_SETTINGS, peerInactivityExpirationEnabled: true, peerInactivityExpiration: 600 };
const log = { info() {}, warn() {} };

test('disconnected SSO peers past the limit are expired; the next look is the next one to pass it', async () => {
  const { ports, calls } = fakePorts([jobPeer('a', { connected: false, lastSeen: 0 }), jobPeer('b', { connected: false, lastSeen: 5 * MIN }), jobPeer('c', { lastSeen: 0 })], on);
  ports.expireIds = (p) => p.id === 'a';
  assert.equal(await inactivityExpiryJob({ ports, log }).look('A', 10 * MIN), 15 * MIN);
  assert.deepEqual(calls, ['expireInactivePeers']);
});

test('nothing past the limit: no write; setting off (the default): nothing scheduled', async () => {
  const fine = fakePorts([jobPeer('a', { connected: false, lastSeen: 5 * MIN })], on);
  assert.equal(await inactivityExpiryJob({ ports: fine.ports, log }).look('A', 6 * MIN), 15 * MIN);
  assert.deepEqual(fine.calls, []);
  const off = fakePorts([jobPeer('a', { connected: false, lastSeen: 0 })]);
  assert.equal(await inactivityExpiryJob({ ports: off.ports, log }).look('A', 100 * MIN), undefined);
  assert.deepEqual(off.calls, []);
});
