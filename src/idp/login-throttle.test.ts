import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loginThrottle, recordFailure, type FailureRecord } from './login-throttle.js';

const rule = { maxFailures: 3, windowMs: 1000 };

test('loginThrottle refuses once the failures of the window are used up, until the window ends', () => {
  const table: [string, FailureRecord | undefined, number, ReturnType<typeof loginThrottle>][] = [
    ['no failures', undefined, 0, { allowed: true }],
    ['below the limit', { count: 2, sinceMs: 0 }, 10, { allowed: true }],
    ['at the limit', { count: 3, sinceMs: 0 }, 10, { allowed: false, retryAfterMs: 990 }],
    ['past the limit', { count: 9, sinceMs: 100 }, 600, { allowed: false, retryAfterMs: 500 }],
    ['window over', { count: 9, sinceMs: 0 }, 1000, { allowed: true }],
  ];
  for (const [name, record, now, want] of table) assert.deepEqual(loginThrottle(record, now, rule), want, name);
});

test('recordFailure counts within a window and starts a new one after it', () => {
  const table: [string, FailureRecord | undefined, number, FailureRecord][] = [
    ['first', undefined, 5, { count: 1, sinceMs: 5 }],
    ['same window', { count: 1, sinceMs: 5 }, 500, { count: 2, sinceMs: 5 }],
    ['new window', { count: 3, sinceMs: 5 }, 1005, { count: 1, sinceMs: 1005 }],
  ];
  for (const [name, record, now, want] of table) assert.deepEqual(recordFailure(record, now, rule), want, name);
});
