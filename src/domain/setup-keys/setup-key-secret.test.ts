import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { cryptoRandom } from '../random.js';
import { generateSetupKeyPlain, hashSetupKey, setupKeySecret } from './setup-key-secret.js';

test('hashSetupKey is base64 SHA-256 of the upper-cased key', () => {
  const plain = 'a2c8e62b-38f5-4553-b31e-dd66c696cebb';
  const want = createHash('sha256').update('A2C8E62B-38F5-4553-B31E-DD66C696CEBB').digest('base64');
  assert.equal(hashSetupKey(plain), want);
  assert.equal(hashSetupKey(plain.toUpperCase()), want);
  assert.equal(want.length, 44);
});

test('setupKeySecret shows five characters', () => {
  assert.equal(setupKeySecret('A2C8E62B-38F5-4553-B31E-DD66C696CEBB'), 'A2C8E****');
});

test('generateSetupKeyPlain gives upper-case UUIDv4 strings', () => {
  const re = /^[0-9A-F]{8}-[0-9A-F]{4}-4[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$/;
  const seen = new Set<string>();
  for (let i = 0; i < 50; i++) {
    const k = generateSetupKeyPlain(cryptoRandom);
    assert.match(k, re);
    seen.add(k);
  }
  assert.equal(seen.size, 50);
  const zero = { int: () => 0, bytes: (n: number) => new Uint8Array(n) };
  assert.equal(generateSetupKeyPlain(zero), '00000000-0000-4000-8000-000000000000');
});
