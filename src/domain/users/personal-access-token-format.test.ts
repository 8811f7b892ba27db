import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { cryptoRandom } from '../random.js';
import { base62Encode } from './base62.js';
import { crc32 } from './crc32.js';
import { generatePlainToken, hashToken, isWellFormedToken, PAT_LENGTH, patChecksum } from './personal-access-token-format.js';

test('crc32 matches the IEEE check values', () => {
  const cases: [string, number][] = [
    ['', 0],
    ['123456789', 0xcbf43926],
    ['The quick brown fox jumps over the lazy dog', 0x414fa339],
  ];
  for (const [text, want] of cases) assert.equal(crc32(text), want, text);
});

test('base62Encode uses digits, upper, lower', () => {
  const cases: [number, string][] = [
    [0, '0'],
    [9, '9'],
    [10, 'A'],
    [36, 'a'],
    [61, 'z'],
    [62, '10'],
    [0xffffffff, '4gfFC3'],
  ];
  for (const [n, want] of cases) assert.equal(base62Encode(n), want, String(n));
});

test('patChecksum pads to six characters', () => {
  const secret = 'abcdefghijklmnopqrstuvwxyz0123';
  const raw = base62Encode(crc32(secret));
  assert.equal(patChecksum(secret), raw.padStart(6, '0'));
  assert.equal(patChecksum(secret).length, 6);
});

test('generated tokens are well formed and distinct', () => {
  const seen = new Set<string>();
  for (let i = 0; i < 100; i++) {
    const t = generatePlainToken(cryptoRandom);
    assert.equal(t.length, PAT_LENGTH);
    assert.match(t, /^nbp_[0-9A-Za-z]{36}$/);
    assert.ok(isWellFormedToken(t), t);
    seen.add(t);
  }
  assert.equal(seen.size, 100);
});

test('isWellFormedToken rejects bad format and checksum', () => {
  const good = generatePlainToken(cryptoRandom);
  const flip = (s: string, i: number) => s.slice(0, i) + (s[i] === 'A' ? 'B' : 'A') + s.slice(i + 1);
  const cases: [string, string, boolean][] = [
    ['good', good, true],
    ['wrong prefix', `nbx_${good.slice(4)}`, false],
    ['too short', good.slice(0, 39), false],
    ['too long', `${good}0`, false],
    ['secret changed', flip(good, 10), false],
    ['checksum changed', flip(good, 38), false],
    ['bad character', `${good.slice(0, 5)}-${good.slice(6)}`, false],
    ['empty', '', false],
  ];
  for (const [name, token, want] of cases) assert.equal(isWellFormedToken(token), want, name);
});

test('hashToken is base64 SHA-256 of the plain token', () => {
  assert.equal(hashToken('nbp_x'), createHash('sha256').update('nbp_x').digest('base64'));
});
