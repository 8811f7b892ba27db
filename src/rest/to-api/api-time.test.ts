import { test } from 'node:test';
import assert from 'node:assert/strict';
import { apiTime, GO_ZERO_TIME } from './api-time.js';

test('apiTime renders RFC 3339 UTC, null as Go zero time', () => {
  const cases: [number | null, string][] = [
    [Date.UTC(2026, 0, 2, 3, 4, 5, 6), '2026-01-02T03:04:05.006Z'],
    [0, '1970-01-01T00:00:00.000Z'],
    [null, GO_ZERO_TIME],
  ];
  for (const [ms, want] of cases) assert.equal(apiTime(ms), want, String(ms));
});
