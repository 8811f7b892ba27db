import { test } from 'node:test';
import assert from 'node:assert/strict';
import { create, toBinary } from '@bufbuild/protobuf';
import { EncryptedMessageSchema } from '../src/gen/management_pb.js';
import { FULL_CHECK_BYTES, keptBytes, opensFully, PEEK_PREFIX_BYTES, sealedBody } from './bench-peer.js';

test('opensFully: small messages and one peer in 16 always, everything in "all" mode', () => {
  const cases = [
    { mode: 'sample' as const, index: 1, bytes: FULL_CHECK_BYTES, want: true },
    { mode: 'sample' as const, index: 1, bytes: FULL_CHECK_BYTES + 1, want: false },
    { mode: 'sample' as const, index: 32, bytes: 10_000_000, want: true },
    { mode: 'all' as const, index: 3, bytes: 10_000_000, want: true },
  ];
  for (const c of cases) assert.equal(opensFully(c.mode, c.index, c.bytes), c.want, JSON.stringify(c));
});

test('keptBytes: whatever a peer opens fully is kept whole; the rest keeps the peek prefix', () => {
  const cases = [
    { mode: 'sample' as const, index: 1, want: PEEK_PREFIX_BYTES },
    { mode: 'sample' as const, index: 32, want: Infinity },
    { mode: 'all' as const, index: 3, want: Infinity },
  ];
  for (const c of cases) {
    assert.equal(keptBytes(c.mode, c.index), c.want, JSON.stringify(c));
    for (const bytes of [0, FULL_CHECK_BYTES, FULL_CHECK_BYTES + 1, 10_000_000]) {
      if (opensFully(c.mode, c.index, bytes)) assert.ok(bytes <= keptBytes(c.mode, c.index), JSON.stringify({ ...c, bytes }));
    }
  }
});

test('sealedBody: the body of a whole EncryptedMessage, or the kept part of it and its full length', () => {
  const body = Uint8Array.from({ length: 1000 }, (_, i) => i % 256);
  const encrypted = toBinary(EncryptedMessageSchema, create(EncryptedMessageSchema, { wgPubKey: 'k'.repeat(44), body, version: 1 }));
  assert.deepEqual(sealedBody(encrypted), { kept: body, length: 1000 });
  const prefix = sealedBody(encrypted.subarray(0, 100), encrypted.length);
  assert.equal(prefix.length, 1000);
  assert.deepEqual(prefix.kept, body.subarray(0, prefix.kept.length));
  assert.ok(prefix.kept.length > 0 && prefix.kept.length < 100);
  assert.throws(() => sealedBody(encrypted.subarray(0, 100), 100), /runs past the end/);
  assert.throws(() => sealedBody(toBinary(EncryptedMessageSchema, create(EncryptedMessageSchema, { wgPubKey: 'k' }))), /without a body/);
});
