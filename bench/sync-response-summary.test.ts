import { test } from 'node:test';
import assert from 'node:assert/strict';
import { create, toBinary, type MessageInitShape } from '@bufbuild/protobuf';
import { SyncResponseSchema } from '../src/gen/management_pb.js';
import { summarizeSyncResponse } from './sync-response-summary.js';

const remote = (i: number) => ({ wgPubKey: `key-${i}`, allowedIps: [`100.64.0.${i}/32`], fqdn: `peer-${i}.netbird.selfhosted` });

test('summarizeSyncResponse reads serial, config presence and remote peers from the wire bytes', () => {
  const cases: { name: string; msg: MessageInitShape<typeof SyncResponseSchema>; want: object }[] = [
    { name: 'fast path: config only', msg: { netbirdConfig: { signal: { uri: 'x' } } }, want: { hasConfig: true, hasMap: false, serial: null } },
    {
      name: 'slow path: config and map with legacy copies',
      msg: { netbirdConfig: {}, remotePeers: [remote(1), remote(2)], networkMap: { serial: 42n, remotePeers: [remote(1), remote(2)], firewallRules: [{ peerIp: '100.64.0.1' }] } },
      want: { hasConfig: true, hasMap: true, serial: 42 },
    },
    { name: 'update: map only, serial above 2^32', msg: { networkMap: { serial: 5_000_000_000n } }, want: { hasConfig: false, hasMap: true, serial: 5_000_000_000 } },
    { name: 'empty map of a deleted peer (serial 0 omitted on the wire)', msg: { networkMap: { remotePeersIsEmpty: true } }, want: { hasConfig: false, hasMap: true, serial: 0 } },
    { name: 'empty message', msg: {}, want: { hasConfig: false, hasMap: false, serial: null } },
  ];
  for (const c of cases) {
    const bytes = toBinary(SyncResponseSchema, create(SyncResponseSchema, c.msg));
    assert.deepEqual(summarizeSyncResponse(bytes), c.want, c.name);
  }
});

test('summarizeSyncResponse rejects truncated bytes', () => {
  const bytes = toBinary(SyncResponseSchema, create(SyncResponseSchema, { networkMap: { serial: 7n, remotePeers: [remote(1)] } }));
  assert.throws(() => summarizeSyncResponse(bytes.subarray(0, bytes.length - 3)));
});
