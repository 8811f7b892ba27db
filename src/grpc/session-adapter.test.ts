import assert from 'node:assert/strict';
import { test } from 'node:test';
import { create } from '@bufbuild/protobuf';
import { ServerEnvelope } from '../crypto/envelope.js';
import { formatWgKey, generateWgKeyPair } from '../crypto/wg-key.js';
import { SyncRequestSchema } from '../gen/management_pb.js';
import { createSessionAdapter } from './session-adapter.js';

test('each Sync message is weighed with the exact bytes then written', async () => {
  const envelope = new ServerEnvelope(generateWgKeyPair());
  const peerKey = formatWgKey(generateWgKeyPair().publicKey);
  const weighed: number[] = [];
  const written: number[] = [];
  const adapter = createSessionAdapter({
    envelope,
    login: {} as never,
    peers: {} as never,
    sync: {
      async run(req) {
        const config = { stuns: [{ uri: 'stun:stun.example:3478', proto: 'udp' as const }], turns: [], signal: null, relay: null };
        for (let i = 0; i < 2; i++) {
          const weightsBefore = weighed.length;
          await req.send({ config, map: null, checks: i === 0 ? null : [{ files: ['/a', '/b'] }] }, undefined, (n) => {
            assert.equal(written.length, weightsBefore, 'weighed before the write');
            weighed.push(n);
          });
        }
      },
    },
  });
  await adapter.sync(
    { peerKey, message: create(SyncRequestSchema, {}) },
    {
      connectionIp: '198.51.100.7',
      signal: new AbortController().signal,
      write: async (bytes) => void written.push(bytes.length),
      confirm: async () => true,
    },
  );
  assert.equal(written.length, 2);
  assert.deepEqual(weighed, written);
  assert.ok(written[1]! > written[0]!, 'the second message carries checks');
});
