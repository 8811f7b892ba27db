import { test } from 'node:test';
import assert from 'node:assert/strict';
import { create, fromBinary, toBinary } from '@bufbuild/protobuf';
import { EncryptedMessageSchema } from '../gen/management_pb.js';
import { ServerEnvelope, open } from '../crypto/envelope.js';
import { formatWgKey, generateWgKeyPair } from '../crypto/wg-key.js';
import { createPieceSealer, createSealer } from './create-sealer.js';
import { encodedFields, messageField } from './to-wire/proto-writer.js';

test('sealer output is the EncryptedMessage toBinary would write, and the peer can open it', () => {
  const server = generateWgKeyPair();
  const peer = generateWgKeyPair();
  const envelope = new ServerEnvelope(server);
  const sealed = createSealer(envelope);
  // Sizes around the 1/2/3-byte varint boundaries of the body length.
  for (const size of [0, 1, 87, 88, 16_343, 16_344, 300_000]) {
    const inner = Uint8Array.from({ length: size }, (_, i) => i * 31);
    const bytes = sealed(formatWgKey(peer.publicKey), inner);
    const msg = fromBinary(EncryptedMessageSchema, bytes);
    assert.equal(msg.wgPubKey, envelope.publicKeyText);
    assert.equal(msg.version, 0);
    assert.deepEqual(bytes, toBinary(EncryptedMessageSchema, create(EncryptedMessageSchema, { wgPubKey: envelope.publicKeyText, body: msg.body })), `size ${size}`);
    assert.deepEqual(open(msg.body, server.publicKey, peer.secretKey), inner, `size ${size}`);
  }
});

test('piece sealer: the same EncryptedMessage for pieces as the sealer for their assembled bytes, and the peer opens it', () => {
  const server = generateWgKeyPair();
  const peer = generateWgKeyPair();
  const envelope = new ServerEnvelope(server);
  const sealPieces = createPieceSealer(envelope);
  for (const size of [0, 1, 87, 88, 16_343, 16_344, 300_000]) {
    const a = Uint8Array.from({ length: size }, (_, i) => i * 31);
    const b = Uint8Array.from({ length: 5 }, (_, i) => i + 1);
    const inner = [encodedFields(a), messageField(3, [encodedFields(b)])];
    const assembled = new Uint8Array([...a, 3 << 3 | 2, 5, ...b]);
    const bytes = sealPieces(formatWgKey(peer.publicKey), inner);
    const msg = fromBinary(EncryptedMessageSchema, bytes);
    assert.equal(msg.wgPubKey, envelope.publicKeyText);
    assert.deepEqual(bytes, toBinary(EncryptedMessageSchema, create(EncryptedMessageSchema, { wgPubKey: envelope.publicKeyText, body: msg.body })), `size ${size}`);
    assert.deepEqual(open(msg.body, server.publicKey, peer.secretKey), assembled, `size ${size}`);
  }
});
