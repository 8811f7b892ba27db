import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { SetupKeyType } from '../model.js';
import { isSetupKeyValid } from './setup-key-validity.js';

test('isSetupKeyValid', () => {
  const now = 1_000;
  const cases: { name: string; type: SetupKeyType; revoked?: boolean; expiresAt?: number | null; usageLimit?: number; usedTimes?: number; want: boolean }[] = [
    { name: 'fresh reusable, unlimited, never expires', type: 'reusable', want: true },
    { name: 'revoked', type: 'reusable', revoked: true, want: false },
    { name: 'expires later', type: 'reusable', expiresAt: 1_001, want: true },
    { name: 'expires exactly now (still valid)', type: 'reusable', expiresAt: 1_000, want: true },
    { name: 'expired', type: 'reusable', expiresAt: 999, want: false },
    { name: 'unlimited after many uses', type: 'reusable', usedTimes: 10_000, want: true },
    { name: 'limit not reached', type: 'reusable', usageLimit: 5, usedTimes: 4, want: true },
    { name: 'limit reached', type: 'reusable', usageLimit: 5, usedTimes: 5, want: false },
    { name: 'one-off unused', type: 'one-off', want: true },
    { name: 'one-off used once, whatever the stored limit', type: 'one-off', usageLimit: 0, usedTimes: 1, want: false },
    { name: 'one-off with stored limit 5 used once', type: 'one-off', usageLimit: 5, usedTimes: 1, want: false },
  ];
  for (const c of cases) {
    const key = { type: c.type, revoked: c.revoked ?? false, expiresAt: c.expiresAt ?? null, usageLimit: c.usageLimit ?? 0, usedTimes: c.usedTimes ?? 0 };
    assert.equal(isSetupKeyValid(key, now), c.want, c.name);
  }
});
