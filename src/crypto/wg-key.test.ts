import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatWgKey, generateWgKeyPair, parseWgKey } from './wg-key.js';
import { isRoostError } from '../domain/errors.js';

test('parseWgKey accepts standard base64 of 32 bytes and round-trips', () => {
  const pair = generateWgKeyPair();
  const text = formatWgKey(pair.publicKey);
  assert.equal(text.length, 44);
  assert.deepEqual(parseWgKey(text), pair.publicKey);
});

test('parseWgKey rejects malformed keys with a clear InvalidArgument', () => {
  const good = formatWgKey(generateWgKeyPair().publicKey);
  const bad = [
    '',
    'not base64 at all!',
    good.slice(0, 43), // missing pad
    Buffer.alloc(31).toString('base64'), // wrong length
    Buffer.alloc(33).toString('base64'),
    good.replace(/\+|\//g, '-').replace(/^./, '-'), // url-safe alphabet
    ` ${good}`,
  ];
  for (const k of bad) {
    assert.throws(() => parseWgKey(k), (e: unknown) => isRoostError(e, 'InvalidArgument') && /WireGuard key/.test((e as Error).message), JSON.stringify(k));
  }
});
