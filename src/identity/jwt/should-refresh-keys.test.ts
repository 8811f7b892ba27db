import { test } from 'node:test';
import assert from 'node:assert/strict';
import { shouldRefreshKeys } from './should-refresh-keys.js';

test('shouldRefreshKeys: refresh on re-fetches unless the set is good for more than 5 s; off only until loaded', () => {
  const now = 1_000_000;
  const cases: [string, Parameters<typeof shouldRefreshKeys>[0], boolean][] = [
    ['on, never loaded', { refreshEnabled: true, loaded: false, expiresAtMs: 0, nowMs: now }, true],
    ['on, loaded without max-age (expiry = fetch time)', { refreshEnabled: true, loaded: true, expiresAtMs: now - 10, nowMs: now }, true],
    ['on, expires in 1 h', { refreshEnabled: true, loaded: true, expiresAtMs: now + 3_600_000, nowMs: now }, false],
    ['on, expires in exactly 5 s', { refreshEnabled: true, loaded: true, expiresAtMs: now + 5_000, nowMs: now }, true],
    ['on, expires in 5.001 s', { refreshEnabled: true, loaded: true, expiresAtMs: now + 5_001, nowMs: now }, false],
    ['on, zero expiry', { refreshEnabled: true, loaded: true, expiresAtMs: 0, nowMs: now }, true],
    ['off, never loaded', { refreshEnabled: false, loaded: false, expiresAtMs: 0, nowMs: now }, true],
    ['off, loaded and long expired', { refreshEnabled: false, loaded: true, expiresAtMs: 1, nowMs: now }, false],
  ];
  for (const [name, input, want] of cases) assert.equal(shouldRefreshKeys(input), want, name);
});
