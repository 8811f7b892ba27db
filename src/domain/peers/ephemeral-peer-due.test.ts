import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EPHEMERAL_LIFETIME_MS, ephemeralDeadline, isEphemeralPeerDue } from './ephemeral-peer-due.js';

const MIN = 60_000;
const peer = (over: Partial<{ ephemeral: boolean; connected: boolean; lastSeen: number }> = {}) => ({ ephemeral: true, connected: false, lastSeen: 100 * MIN, ...over });

test('the lifetime is ten minutes', () => assert.equal(EPHEMERAL_LIFETIME_MS, 10 * MIN));

test('ephemeralDeadline and isEphemeralPeerDue', () => {
  const since = 0;
  const cases: { name: string; p: ReturnType<typeof peer>; since?: number; now: number; deadline: number | undefined; due: boolean }[] = [
    { name: 'disconnected: not yet due a moment before ten minutes', p: peer(), now: 110 * MIN - 1, deadline: 110 * MIN, due: false },
    { name: 'due at ten minutes since last seen', p: peer(), now: 110 * MIN, deadline: 110 * MIN, due: true },
    { name: 'due long after', p: peer(), now: 500 * MIN, deadline: 110 * MIN, due: true },
    { name: 'connected: never due', p: peer({ connected: true }), now: 500 * MIN, deadline: undefined, due: false },
    { name: 'not ephemeral: never due', p: peer({ ephemeral: false }), now: 500 * MIN, deadline: undefined, due: false },
    { name: 'offline before start-up: ten minutes after start-up, not at once', p: peer({ lastSeen: 0 }), since: 200 * MIN, now: 205 * MIN, deadline: 210 * MIN, due: false },
    { name: 'offline before start-up, start-up + ten minutes passed', p: peer({ lastSeen: 0 }), since: 200 * MIN, now: 210 * MIN, deadline: 210 * MIN, due: true },
  ];
  for (const c of cases) {
    assert.equal(ephemeralDeadline(c.p, c.since ?? since), c.deadline, c.name);
    assert.equal(isEphemeralPeerDue(c.p, c.now, c.since ?? since), c.due, c.name);
  }
});
