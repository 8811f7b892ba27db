import { test } from 'node:test';
import assert from 'node:assert/strict';
import nacl from 'tweetnacl';
import { create, toBinary, type MessageInitShape } from '@bufbuild/protobuf';
import { SyncResponseSchema } from '../src/gen/management_pb.js';
import { peekSealedSyncResponse } from './peek-sealed-sync-response.js';
import { summarizeSyncResponse } from './sync-response-summary.js';

const remote = (i: number) => ({ wgPubKey: `key-${i}-${'x'.repeat(40)}`, allowedIps: [`100.64.${i >> 8}.${i & 255}/32`], fqdn: `peer-${i}.netbird.selfhosted`, agentVersion: '0.70.0' });

const seal = (plain: Uint8Array, key: Uint8Array): Uint8Array => {
  const nonce = nacl.randomBytes(24);
  const box = nacl.secretbox(plain, nonce, key);
  const out = new Uint8Array(24 + box.length);
  out.set(nonce);
  out.set(box, 24);
  return out;
};

test('peekSealedSyncResponse agrees with decrypting and summarising the whole message', () => {
  const key = nacl.randomBytes(32);
  const many = Array.from({ length: 700 }, (_, i) => remote(i));
  const cases: { name: string; msg: MessageInitShape<typeof SyncResponseSchema> }[] = [
    { name: 'config only', msg: { netbirdConfig: { signal: { uri: 'signal:10000' } } } },
    { name: 'big map with legacy copies', msg: { netbirdConfig: {}, peerConfig: { address: '100.64.0.1/16' }, remotePeers: many, networkMap: { serial: 123_456n, remotePeers: many, firewallRules: many.map((_, i) => ({ peerIp: `100.64.0.${i & 255}` })) }, checks: [{ files: ['/a'] }] } },
    { name: 'serial above 2^32', msg: { networkMap: { serial: 9_000_000_000n } } },
    { name: 'map with serial 0 (omitted on the wire), legacy copy filled as the server does', msg: { remotePeers: [remote(1)], networkMap: { remotePeers: [remote(1)] } } },
    { name: 'empty', msg: {} },
  ];
  for (const c of cases) {
    const plain = toBinary(SyncResponseSchema, create(SyncResponseSchema, c.msg));
    assert.deepEqual(peekSealedSyncResponse(seal(plain, key), key), summarizeSyncResponse(plain), c.name);
  }
});

test('peekSealedSyncResponse stops at the map: the legacy copy the server writes after it is never walked', () => {
  const key = nacl.randomBytes(32);
  const map = toBinary(SyncResponseSchema, create(SyncResponseSchema, { networkMap: { serial: 77n } }));
  // The map, then a field whose length runs far past the end: walking on would throw.
  const plain = new Uint8Array([...map, 0x1a, 0xff, 0xff, 0x03, 1, 2, 3]);
  assert.deepEqual(peekSealedSyncResponse(seal(plain, key), key), { hasConfig: false, hasMap: true, serial: 77 });
});

test('peekSealedSyncResponse throws on a truncated box', () => {
  const key = nacl.randomBytes(32);
  const plain = toBinary(SyncResponseSchema, create(SyncResponseSchema, { remotePeers: [remote(1), remote(2)], networkMap: { serial: 5n } }));
  const sealed = seal(plain, key);
  assert.throws(() => peekSealedSyncResponse(sealed.subarray(0, sealed.length - 10), key));
  assert.throws(() => peekSealedSyncResponse(sealed.subarray(0, 30), key));
});

test('peekSealedSyncResponse on the first bytes of a box: the same summary while the walk stays inside them, an error saying so when it does not', () => {
  const key = nacl.randomBytes(32);
  const many = Array.from({ length: 700 }, (_, i) => remote(i));
  // Config and checks first, then the map with its serial first, as the server writes them.
  const plain = toBinary(SyncResponseSchema, create(SyncResponseSchema, { netbirdConfig: { signal: { uri: 'signal:10000' } }, checks: [{ files: ['/a'] }], networkMap: { serial: 42n, remotePeers: many } }));
  const sealed = seal(plain, key);
  assert.ok(sealed.length > 64 * 1024);
  const want = { hasConfig: true, hasMap: true, serial: 42 };
  for (const kept of [sealed.length, 64 * 1024, 200]) assert.deepEqual(peekSealedSyncResponse(sealed.subarray(0, kept), key, sealed.length), want, `${kept} bytes kept`);
  assert.throws(() => peekSealedSyncResponse(sealed.subarray(0, 45), key, sealed.length), /peek ran past the 45 bytes kept of a \d+-byte sealed body/);
  assert.throws(() => peekSealedSyncResponse(sealed.subarray(0, 10), key, sealed.length), /not even its nonce/);
  // A large field before the map is skipped by its length; the map's tag after it was not kept.
  const legacyFirst = seal(toBinary(SyncResponseSchema, create(SyncResponseSchema, { remotePeers: many, networkMap: { serial: 1n } })), key);
  assert.throws(() => peekSealedSyncResponse(legacyFirst.subarray(0, 1024), key, legacyFirst.length), /peek ran past/);
  assert.deepEqual(peekSealedSyncResponse(legacyFirst, key), { hasConfig: false, hasMap: true, serial: 1 });
});
