import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RoostError, unauthenticated } from '../../domain/errors.js';
import type { Account, User } from '../../domain/model.js';
import { generatePlainToken, hashToken } from '../../domain/users/personal-access-token-format.js';
import { cryptoRandom } from '../../domain/random.js';
import { identifyPat } from './identify-pat.js';

const plain = generatePlainToken(cryptoRandom);
const found = { user: { id: 'u' } as User, account: { id: 'a' } as Account };
const tokens = (result: 'ok' | RoostError) => ({ identify: async () => (result === 'ok' ? { ...found, token: {} as never } : Promise.reject(result)) }) as never;
const hashes = (known: boolean) => ({ findByHash: async (h: string) => (known && h === hashToken(plain) ? {} : undefined) });
const refusal = (kind: string, message: string) => (e: unknown) => e instanceof RoostError && e.kind === kind && e.message === message;

test('identifyPat: a good token gives its user and account', async () => {
  assert.deepEqual(await identifyPat({ tokens: tokens('ok') }, plain), found);
});

test('identifyPat words refusals as upstream', async () => {
  const denied = unauthenticated('invalid or expired token');
  const invalid = refusal('Unauthenticated', 'token invalid');
  await assert.rejects(identifyPat({ tokens: tokens('ok') }, undefined), invalid);
  await assert.rejects(identifyPat({ tokens: tokens('ok') }, 'nbp_short'), invalid, 'malformed: no lookup');
  await assert.rejects(identifyPat({ tokens: tokens('ok') }, plain.slice(0, -1) + (plain.endsWith('A') ? 'B' : 'A')), invalid, 'bad checksum');
  await assert.rejects(identifyPat({ tokens: tokens(denied), tokenHashes: hashes(true) }, plain), invalid, 'known but expired');
  await assert.rejects(identifyPat({ tokens: tokens(denied) }, plain), invalid, 'unknown, no lookup to tell');
  const unknown = refusal('NotFound', `invalid token: pat: ${hashToken(plain).toLowerCase()} not found`);
  await assert.rejects(identifyPat({ tokens: tokens(denied), tokenHashes: hashes(false) }, plain), unknown, 'well-formed, never issued');
  const outage = new RoostError('Unavailable', 'database unavailable');
  await assert.rejects(identifyPat({ tokens: tokens(outage), tokenHashes: hashes(false) }, plain), (e) => e === outage);
});
