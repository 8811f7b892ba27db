import { test } from 'node:test';
import assert from 'node:assert/strict';
import { create } from '@bufbuild/protobuf';
import { PeerSystemMetaSchema } from '../../gen/management_pb.js';
import { EMPTY_META } from '../../domain/peer-meta.js';
import { isPrefix, metaFromWire } from './meta-from-wire.js';

test('absent meta (clients before v0.28) is the empty record', () => {
  assert.deepEqual(metaFromWire(undefined), EMPTY_META);
});

test('OSVersion falls back to core; fields map one to one', () => {
  const m = metaFromWire(create(PeerSystemMetaSchema, { hostname: 'h', goOS: 'linux', core: '22.04', OS: 'Ubuntu', netbirdVersion: '0.60.0', flags: { serverSSHAllowed: true, blockInbound: true } }));
  assert.equal(m.osVersion, '22.04');
  assert.equal(m.os, 'Ubuntu');
  assert.equal(m.flags.serverSSHAllowed, true);
  assert.equal(m.flags.blockInbound, true);
  assert.equal(m.flags.rosenpassEnabled, false);
  assert.equal(metaFromWire(create(PeerSystemMetaSchema, { core: 'c', OSVersion: 'v' })).osVersion, 'v');
});

test('addresses that are not prefixes are dropped', () => {
  const m = metaFromWire(
    create(PeerSystemMetaSchema, {
      networkAddresses: [
        { netIP: '192.168.1.2/24', mac: 'a' },
        { netIP: '192.168.1.2', mac: 'b' },
        { netIP: 'fe80::1/64', mac: 'c' },
        { netIP: 'garbage/8', mac: 'd' },
        { netIP: '10.0.0.1/33', mac: 'e' },
      ],
    }),
  );
  assert.deepEqual(m.networkAddresses.map((a) => a.mac), ['a', 'c']);
  assert.equal(isPrefix('::/0'), true);
});

test('a meta over its size limits is InvalidArgument naming the field; addresses are counted before filtering', () => {
  assert.throws(() => metaFromWire(create(PeerSystemMetaSchema, { hostname: 'h'.repeat(100_000) })), { kind: 'InvalidArgument', message: 'meta.hostname is too long: 100000 characters, at most 1024' });
  const unusable = Array.from({ length: 20_000 }, () => ({ netIP: 'not-a-prefix', mac: '' }));
  assert.throws(() => metaFromWire(create(PeerSystemMetaSchema, { networkAddresses: unusable })), { kind: 'InvalidArgument', message: /^meta\.networkAddresses has too many entries: 20000/ });
  const files = Array.from({ length: 1_025 }, (_, i) => ({ path: `/f${i}` }));
  assert.throws(() => metaFromWire(create(PeerSystemMetaSchema, { files })), { kind: 'InvalidArgument', message: /^meta\.files / });
  assert.equal(metaFromWire(create(PeerSystemMetaSchema, { files: files.slice(0, 1_024) })).files.length, 1_024);
});
