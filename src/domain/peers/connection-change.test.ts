import { test } from 'node:test';
import assert from 'node:assert/strict';
import { shouldApplyConnectionChange, type ConnectionChange } from './connection-change.js';

test('shouldApplyConnectionChange', () => {
  const on = (lastSeen: number) => ({ lastSeen, connected: true });
  const off = (lastSeen: number) => ({ lastSeen, connected: false });
  const cases: { name: string; stored: { lastSeen: number; connected: boolean }; change: ConnectionChange; want: boolean }[] = [
    { name: 'connect after lastSeen', stored: on(100), change: { connected: true, at: 101 }, want: true },
    { name: 'connect in the same millisecond as the last write (e.g. registration)', stored: off(100), change: { connected: true, at: 100 }, want: true },
    { name: 'connect older than a newer connect', stored: on(100), change: { connected: true, at: 99 }, want: false },
    { name: 'connect older than the end of a stream on another process (the peer moved here)', stored: off(100), change: { connected: true, at: 99 }, want: true },
    { name: 'disconnect of the current stream', stored: on(100), change: { connected: false, at: 200, streamStart: 100 }, want: true },
    { name: 'disconnect after a newer stream connected', stored: on(150), change: { connected: false, at: 200, streamStart: 100 }, want: false },
    { name: 'disconnect without stream start', stored: on(150), change: { connected: false, at: 200 }, want: true },
  ];
  for (const c of cases) assert.equal(shouldApplyConnectionChange(c.stored, c.change), c.want, c.name);
});
