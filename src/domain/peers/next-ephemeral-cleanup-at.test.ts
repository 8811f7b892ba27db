import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EPHEMERAL_CLEANUP_WINDOW_MS, nextEphemeralCleanupAt } from './next-ephemeral-cleanup-at.js';

const MIN = 60_000;
const peer = (lastSeen: number, over: Partial<{ ephemeral: boolean; connected: boolean }> = {}) => ({ ephemeral: true, connected: false, lastSeen, ...over });

test('nextEphemeralCleanupAt', () => {
  assert.equal(EPHEMERAL_CLEANUP_WINDOW_MS, MIN);
  const cases: { name: string; peers: ReturnType<typeof peer>[]; since?: number; want: number | undefined }[] = [
    { name: 'no peers', peers: [], want: undefined },
    { name: 'earliest deadline plus the one-minute window', peers: [peer(5 * MIN), peer(2 * MIN), peer(9 * MIN)], want: 13 * MIN },
    { name: 'connected ephemeral peers wait for their disconnect', peers: [peer(0, { connected: true })], want: undefined },
    { name: 'non-ephemeral peers are not cleaned up', peers: [peer(0, { ephemeral: false })], want: undefined },
    { name: 'offline before start-up: start-up + lifetime + window', peers: [peer(0)], since: 100 * MIN, want: 111 * MIN },
  ];
  for (const c of cases) assert.equal(nextEphemeralCleanupAt(c.peers, c.since ?? 0), c.want, c.name);
});
