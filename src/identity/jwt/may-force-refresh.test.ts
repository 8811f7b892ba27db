import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mayForceRefresh } from './may-force-refresh.js';

test('mayForceRefresh: refresh on, first time or more than 30 s after the last forced fetch', () => {
  const now = 10_000_000;
  const cases: [string, Parameters<typeof mayForceRefresh>[0], boolean][] = [
    ['first forced fetch', { refreshEnabled: true, lastForcedAtMs: undefined, nowMs: now }, true],
    ['1 s after', { refreshEnabled: true, lastForcedAtMs: now - 1_000, nowMs: now }, false],
    ['exactly 30 s after', { refreshEnabled: true, lastForcedAtMs: now - 30_000, nowMs: now }, false],
    ['30.001 s after', { refreshEnabled: true, lastForcedAtMs: now - 30_001, nowMs: now }, true],
    ['refresh off', { refreshEnabled: false, lastForcedAtMs: undefined, nowMs: now }, false],
  ];
  for (const [name, input, want] of cases) assert.equal(mayForceRefresh(input), want, name);
});
