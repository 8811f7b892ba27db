import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { PersonalAccessToken } from '../../domain/model.js';
import { toApiGeneratedToken, toApiPersonalAccessToken } from './personal-access-token.js';

const token: PersonalAccessToken = {
  id: 't', userId: 'u', name: 'ci', hashedToken: 'HASH', expiresAt: Date.UTC(2026, 1, 1), createdBy: 'o', createdAt: Date.UTC(2026, 0, 1), lastUsed: null,
};

test('toApiPersonalAccessToken never exposes the hash; last_used only once used', () => {
  const t = toApiPersonalAccessToken(token);
  assert.deepEqual(t, { id: 't', name: 'ci', expiration_date: '2026-02-01T00:00:00.000Z', created_by: 'o', created_at: '2026-01-01T00:00:00.000Z' });
  assert.equal(JSON.stringify(t).includes('HASH'), false);
  assert.equal(toApiPersonalAccessToken({ ...token, lastUsed: Date.UTC(2026, 0, 5) }).last_used, '2026-01-05T00:00:00.000Z');
});

test('toApiGeneratedToken carries the plain token next to the token', () => {
  const g = toApiGeneratedToken('nbp_plain', token);
  assert.equal(g.plain_token, 'nbp_plain');
  assert.equal(g.personal_access_token.id, 't');
});
