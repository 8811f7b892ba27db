import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ephemeralCleanupJob } from './ephemeral-cleanup-job.js';
import { fakePorts, jobPeer } from './fixtures/fake-peer-job-ports.js';

const MIN = 60_000;
const log = { info() {}, warn() {} };
const eph = (id: string, lastSeen: number, connected = false) => jobPeer(id, { userId: '', ephemeral: true, connected, lastSeen });

test('due ephemeral peers are deleted in one step; the next look is the next deadline plus the window', async () => {
  const { ports, calls } = fakePorts([eph('a', 0), eph('b', 3 * MIN), eph('c', 0, true), jobPeer('d', { userId: '', connected: false })]);
  ports.deleteIds = (p) => p.id === 'a';
  assert.equal(await ephemeralCleanupJob({ ports, log }, 0).look('A', 10 * MIN), 14 * MIN);
  assert.deepEqual(calls, ['deleteEphemeralPeers']);
});

test('nothing due: no write; no disconnected ephemeral peer: nothing scheduled', async () => {
  const waiting = fakePorts([eph('a', 5 * MIN)]);
  assert.equal(await ephemeralCleanupJob({ ports: waiting.ports, log }, 0).look('A', 10 * MIN), 16 * MIN);
  assert.deepEqual(waiting.calls, []);
  const none = fakePorts([eph('a', 0, true), jobPeer('b', { connected: false })]);
  assert.equal(await ephemeralCleanupJob({ ports: none.ports, log }, 0).look('A', 100 * MIN), undefined);
});

test('peers offline before the job started get ten minutes from its start', async () => {
  const { ports, calls } = fakePorts([eph('a', 0)]);
  assert.equal(await ephemeralCleanupJob({ ports, log }, 50 * MIN).look('A', 55 * MIN), 61 * MIN);
  assert.deepEqual(calls, []);
});

test('a peer streaming on this process is spared whatever the store says', async () => {
  const { ports, calls } = fakePorts([eph('a', 0)]);
  assert.equal(await ephemeralCleanupJob({ ports, log, streamingHere: (id) => id === 'a' }, 0).look('A', 100 * MIN), undefined);
  assert.deepEqual(calls, []);
});

test('only account and ephemeral activity concern it', () => {
  const job = ephemeralCleanupJob({ ports: fakePorts([]).ports, log }, 0);
  assert.deepEqual([job.wants('account'), job.wants('sso-peer'), job.wants('ephemeral-peer')], [true, false, true]);
});
