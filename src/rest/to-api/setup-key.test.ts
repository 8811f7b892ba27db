import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { SetupKey } from '../../domain/model.js';
import { setupKeyState, toApiSetupKey, toApiSetupKeyClear, type SetupKeyState } from './setup-key.js';

const NOW = Date.UTC(2026, 0, 10);
const key: SetupKey = {
  id: 'k', accountId: 'a', keyHash: 'HASH', keySecret: 'ABCDE****', name: 'ci', type: 'reusable', createdAt: NOW - 1000, updatedAt: NOW - 500,
  expiresAt: null, revoked: false, usedTimes: 0, lastUsed: null, usageLimit: 0, autoGroups: ['g'], ephemeral: false, allowExtraDnsLabels: true,
};

test('setupKeyState: expired, then revoked, then overused', () => {
  const cases: [string, Partial<SetupKey>, SetupKeyState][] = [
    ['fresh', {}, 'valid'],
    ['expired', { expiresAt: NOW - 1 }, 'expired'],
    ['expired and revoked', { expiresAt: NOW - 1, revoked: true }, 'expired'],
    ['revoked and used up', { revoked: true, usageLimit: 1, usedTimes: 1 }, 'revoked'],
    ['used up', { usageLimit: 2, usedTimes: 2 }, 'overused'],
    ['one-off used once', { type: 'one-off', usedTimes: 1 }, 'overused'],
    ['expires later', { expiresAt: NOW + 1 }, 'valid'],
  ];
  for (const [name, over, want] of cases) assert.equal(setupKeyState({ ...key, ...over }, NOW), want, name);
});

test('toApiSetupKey masks the key and shows Go zero time for never', () => {
  const k = toApiSetupKey(key, NOW);
  assert.deepEqual(k, {
    id: 'k', key: 'ABCDE****', name: 'ci', expires: '0001-01-01T00:00:00Z', type: 'reusable', valid: true, revoked: false, used_times: 0,
    last_used: '0001-01-01T00:00:00Z', state: 'valid', auto_groups: ['g'], updated_at: new Date(NOW - 500).toISOString(), usage_limit: 0,
    ephemeral: false, allow_extra_dns_labels: true,
  });
  assert.equal(JSON.stringify(k).includes('HASH'), false);
});

test('toApiSetupKeyClear shows the plain key', () => {
  assert.equal(toApiSetupKeyClear(key, 'ABCDEF01-0000-4000-8000-000000000000', NOW).key, 'ABCDEF01-0000-4000-8000-000000000000');
});
