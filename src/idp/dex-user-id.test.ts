import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeDexUserId, encodeDexUserId } from './dex-user-id.js';

test('encodeDexUserId matches the shape of upstream ids (IDENTITY.md §1.5)', () => {
  const id = encodeDexUserId('3f2a1b4c-0000-4000-8000-000000000001');
  assert.equal(id.length, 60);
  assert.ok(id.startsWith('CiQzZjJh'), id);
  assert.ok(id.endsWith('ESBWxvY2Fs'), id);
  assert.ok(!id.includes('='));
});

test('decodeDexUserId reads back what encodeDexUserId wrote, and refuses other subjects', () => {
  const table: [string, ReturnType<typeof decodeDexUserId>][] = [
    [encodeDexUserId('u-1', 'local'), { userId: 'u-1', connectorId: 'local' }],
    [encodeDexUserId('abc', 'google'), { userId: 'abc', connectorId: 'google' }],
    ['auth0|123456', undefined],
    ['', undefined],
    ['Zm9v', undefined],
  ];
  for (const [sub, want] of table) assert.deepEqual(decodeDexUserId(sub), want, sub);
});
