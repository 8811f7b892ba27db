import { test } from 'node:test';
import assert from 'node:assert/strict';
import { shouldApplyConnectionChange, type ConnectionChange } from './connection-change.js';

test('shouldApplyConnectionChange', () => {
  const cases: { name: string; stored: number; change: ConnectionChange; want: boolean }[] = [
    { name: 'connect after lastSeen', stored: 100, change: { connected: true, at: 101 }, want: true },
    { name: 'connect in the same millisecond as the last write (e.g. registration)', stored: 100, change: { connected: true, at: 100 }, want: true },
    { name: 'connect older than lastSeen', stored: 100, change: { connected: true, at: 99 }, want: false },
    { name: 'disconnect of the current stream', stored: 100, change: { connected: false, at: 200, streamStart: 100 }, want: true },
    { name: 'disconnect after a newer stream connected', stored: 150, change: { connected: false, at: 200, streamStart: 100 }, want: false },
    { name: 'disconnect without stream start', stored: 150, change: { connected: false, at: 200 }, want: true },
  ];
  for (const c of cases) assert.equal(shouldApplyConnectionChange(c.stored, c.change), c.want, c.name);
});
