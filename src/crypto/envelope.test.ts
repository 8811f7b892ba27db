import { test } from 'node:test';
import assert from 'node:assert/strict';
import nacl from 'tweetnacl';
import { NONCE_LENGTH, SEAL_OVERHEAD, ServerEnvelope, open, seal, sharedKey } from './envelope.js';
import { formatWgKey, generateWgKeyPair, keyPairFromSecret } from './wg-key.js';
import { isRoostError } from '../domain/errors.js';

const enc = new TextEncoder();

test('seal/open round trip; body is nonce(24) ‖ box with 40 bytes of overhead', () => {
  const a = generateWgKeyPair();
  const b = generateWgKeyPair();
  const body = seal(enc.encode('hello'), b.publicKey, a.secretKey);
  assert.equal(body.length, 5 + 40);
  assert.deepEqual(open(body, a.publicKey, b.secretKey), enc.encode('hello'));
  assert.equal(seal(new Uint8Array(0), b.publicKey, a.secretKey).length, 40);
});

test('fresh nonce per message', () => {
  const a = generateWgKeyPair();
  const b = generateWgKeyPair();
  const x = seal(enc.encode('same'), b.publicKey, a.secretKey);
  const y = seal(enc.encode('same'), b.publicKey, a.secretKey);
  assert.notDeepEqual(x.subarray(0, NONCE_LENGTH), y.subarray(0, NONCE_LENGTH));
});

test('tampered body, wrong key and short body are rejected as InvalidArgument', () => {
  const a = generateWgKeyPair();
  const b = generateWgKeyPair();
  const c = generateWgKeyPair();
  const body = seal(enc.encode('payload'), b.publicKey, a.secretKey);
  const tampered = body.slice();
  tampered[tampered.length - 1]! ^= 1;
  const cases: [string, () => unknown][] = [
    ['tampered ciphertext', () => open(tampered, a.publicKey, b.secretKey)],
    ['tampered nonce', () => open(Uint8Array.from(body, (v, i) => (i === 0 ? v ^ 1 : v)), a.publicKey, b.secretKey)],
    ['wrong sender key', () => open(body, c.publicKey, b.secretKey)],
    ['wrong recipient key', () => open(body, a.publicKey, c.secretKey)],
    ['short body', () => open(body.subarray(0, 23), a.publicKey, b.secretKey)],
    ['nonce only', () => open(body.subarray(0, 24), a.publicKey, b.secretKey)],
  ];
  for (const [name, fn] of cases) {
    assert.throws(fn, (err: unknown) => isRoostError(err, 'InvalidArgument'), name);
  }
});

test('interop with tweetnacl raw API in both directions', () => {
  const peer = nacl.box.keyPair();
  const server = generateWgKeyPair();
  // Peer seals with the raw API; we open.
  const nonce = nacl.randomBytes(24);
  const raw = nacl.box(enc.encode('from-peer'), nonce, server.publicKey, peer.secretKey);
  const body = new Uint8Array([...nonce, ...raw]);
  assert.deepEqual(open(body, peer.publicKey, server.secretKey), enc.encode('from-peer'));
  // We seal; the peer opens with the raw API.
  const ours = seal(enc.encode('from-server'), peer.publicKey, server.secretKey);
  const opened = nacl.box.open(ours.subarray(24), ours.subarray(0, 24), server.publicKey, peer.secretKey);
  assert.deepEqual(opened, enc.encode('from-server'));
});

test('derived public key equals the WireGuard (X25519) public key: RFC 7748 §6.1 vector', () => {
  const secret = Buffer.from('77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a', 'hex');
  const pair = keyPairFromSecret(new Uint8Array(secret));
  assert.equal(Buffer.from(pair.publicKey).toString('hex'), '8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a');
});

test('ServerEnvelope opens and seals with cached shared keys', () => {
  const server = generateWgKeyPair();
  const peer = generateWgKeyPair();
  const env = new ServerEnvelope(server, 2);
  const peerKey = formatWgKey(peer.publicKey);
  const req = seal(enc.encode('req'), server.publicKey, peer.secretKey);
  assert.deepEqual(env.open(peerKey, req), enc.encode('req'));
  const resp = env.seal(peerKey, enc.encode('resp'));
  assert.deepEqual(open(resp, server.publicKey, peer.secretKey), enc.encode('resp'));
  assert.equal(env.publicKeyText, formatWgKey(server.publicKey));
  assert.throws(() => env.open('not-a-key', req), (e: unknown) => isRoostError(e, 'InvalidArgument'));
});

test('ciphertext is byte-identical to tweetnacl box.after for the same nonce and key (1 B to 1 MB)', () => {
  const peer = nacl.box.keyPair();
  const server = generateWgKeyPair();
  const shared = nacl.box.before(peer.publicKey, server.secretKey);
  for (const size of [0, 1, 31, 32, 33, 4096, 1 << 20]) {
    const plain = nacl.randomBytes(size);
    const ours = seal(plain, peer.publicKey, server.secretKey);
    const theirs = nacl.box.after(plain, ours.subarray(0, NONCE_LENGTH), shared);
    assert.ok(Buffer.from(ours.subarray(NONCE_LENGTH)).equals(theirs), `size ${size}`);
    assert.ok(Buffer.from(open(ours, peer.publicKey, server.secretKey)).equals(plain), `round trip ${size}`);
  }
});

test('ServerEnvelope.sealInto writes nonce ‖ box into a slice of a larger buffer, and nowhere else', () => {
  const server = generateWgKeyPair();
  const peer = generateWgKeyPair();
  const env = new ServerEnvelope(server);
  const plain = enc.encode('into a frame');
  const frame = new Uint8Array(3 + plain.length + SEAL_OVERHEAD + 2).fill(0xee);
  env.sealInto(formatWgKey(peer.publicKey), plain, frame.subarray(3, frame.length - 2));
  assert.deepEqual([...frame.subarray(0, 3), ...frame.subarray(frame.length - 2)], [0xee, 0xee, 0xee, 0xee, 0xee]);
  assert.deepEqual(open(frame.subarray(3, frame.length - 2), server.publicKey, peer.secretKey), plain);
  assert.throws(() => env.sealInto(formatWgKey(peer.publicKey), plain, new Uint8Array(plain.length + SEAL_OVERHEAD - 1)), RangeError);
});

test('ServerEnvelope.sealInPlace seals a plaintext written at SEAL_OVERHEAD to the bytes box.after gives (0 B to 1 MB)', () => {
  const server = generateWgKeyPair();
  const peer = generateWgKeyPair();
  const env = new ServerEnvelope(server);
  const shared = nacl.box.before(peer.publicKey, server.secretKey);
  for (const size of [0, 1, 33, 4096, 1 << 20]) {
    const plain = nacl.randomBytes(size);
    const frame = new Uint8Array(3 + SEAL_OVERHEAD + size + 2).fill(0xee);
    const body = frame.subarray(3, frame.length - 2);
    body.set(plain, SEAL_OVERHEAD);
    env.sealInPlace(formatWgKey(peer.publicKey), body);
    assert.deepEqual([...frame.subarray(0, 3), ...frame.subarray(frame.length - 2)], [0xee, 0xee, 0xee, 0xee, 0xee], `size ${size}`);
    assert.ok(Buffer.from(body.subarray(NONCE_LENGTH)).equals(nacl.box.after(plain, body.subarray(0, NONCE_LENGTH), shared)), `size ${size}`);
    assert.deepEqual(open(body, server.publicKey, peer.secretKey), plain);
  }
  assert.throws(() => env.sealInPlace(formatWgKey(peer.publicKey), new Uint8Array(SEAL_OVERHEAD - 1)), RangeError);
});

test('sharedKey equals tweetnacl box.before; a low-order peer key is refused as InvalidArgument', () => {
  for (let i = 0; i < 20; i++) {
    const a = nacl.box.keyPair();
    const b = nacl.box.keyPair();
    assert.deepEqual(sharedKey(a.publicKey, b.secretKey), nacl.box.before(a.publicKey, b.secretKey));
    assert.deepEqual(sharedKey(b.publicKey, a.secretKey), sharedKey(a.publicKey, b.secretKey));
  }
  const server = generateWgKeyPair();
  // 0 and 1 are points of small order: the X25519 product is all zeros.
  for (const low of [new Uint8Array(32), Uint8Array.from({ length: 32 }, (_, i) => (i === 0 ? 1 : 0))]) {
    assert.throws(() => sharedKey(low, server.secretKey), (e: unknown) => isRoostError(e, 'InvalidArgument'));
    assert.throws(() => new ServerEnvelope(server).open(formatWgKey(low), new Uint8Array(64)), (e: unknown) => isRoostError(e, 'InvalidArgument'));
  }
});
