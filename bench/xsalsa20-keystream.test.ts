import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import nacl from 'tweetnacl';
import { XSalsa20Keystream } from './xsalsa20-keystream.js';

const stream = (n: Uint8Array, k: Uint8Array, len: number): Uint8Array => {
  const out = new Uint8Array(len);
  (nacl as unknown as { lowlevel: { crypto_stream(c: Uint8Array, cpos: number, d: number, n: Uint8Array, k: Uint8Array): void } }).lowlevel.crypto_stream(out, 0, len, n, k);
  return out;
};

test('XSalsa20Keystream matches tweetnacl crypto_stream at every offset, in any order', () => {
  for (let round = 0; round < 5; round++) {
    const key = nacl.randomBytes(32);
    const nonce = nacl.randomBytes(24);
    const want = stream(nonce, key, 64 * 5 + 17);
    const ks = new XSalsa20Keystream(key, nonce);
    const offsets = [...want.keys()].sort(() => Math.random() - 0.5);
    for (const o of offsets) assert.equal(ks.byteAt(o), want[o], `offset ${o}`);
  }
});

test('XSalsa20Keystream opens a secretbox prefix (plaintext byte i = box[16 + i] ^ keystream[32 + i])', () => {
  const key = nacl.randomBytes(32);
  const nonce = nacl.randomBytes(24);
  const plain = nacl.randomBytes(300);
  const box = nacl.secretbox(plain, nonce, key);
  const ks = new XSalsa20Keystream(key, nonce);
  for (const i of [0, 1, 31, 32, 95, 299]) assert.equal(box[16 + i]! ^ ks.byteAt(32 + i), plain[i], `byte ${i}`);
});

test('XSalsa20Keystream gives the 4 MiB stream of NaCl\'s own test vector (tests/stream.c)', () => {
  const key = Buffer.from('1b27556473e985d462cd51197a9a46c76009549eac6474f206c4ee0844f68389', 'hex');
  const nonce = Buffer.from('69696ee955b62b73cd62bda875fc73d68219e0036b7a0b37', 'hex');
  const ks = new XSalsa20Keystream(key, nonce);
  const out = new Uint8Array(4_194_304);
  for (let i = 0; i < out.length; i++) out[i] = ks.byteAt(i);
  assert.equal(createHash('sha256').update(out).digest('hex'), '662b9d0e3463029156069b12f918691a98f7dfb2ca0393c96bbfc6b1fbd630a2');
});
