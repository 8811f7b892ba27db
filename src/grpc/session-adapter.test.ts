import assert from 'node:assert/strict';
import { test } from 'node:test';
import { create, fromBinary } from '@bufbuild/protobuf';
import { open, ServerEnvelope } from '../crypto/envelope.js';
import { formatWgKey, generateWgKeyPair } from '../crypto/wg-key.js';
import { EncryptedMessageSchema, LoginRequestSchema, LoginResponseSchema, SyncRequestSchema, SyncResponseSchema, type LoginResponse, type SyncResponse } from '../gen/management_pb.js';
import { networkOnlyMap } from '../netmap/compute-network-map.js';
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

test('PeerConfigs with SSH enabled carry the server JWTConfig (IDENTITY.md §2.7), in Login and in maps', async () => {
  const server = generateWgKeyPair();
  const envelope = new ServerEnvelope(server);
  const client = generateWgKeyPair();
  const peerKey = formatWgKey(client.publicKey);
  const sshJwt = { issuer: 'https://idp.example/', audience: 'cli', audiences: ['api', 'cli'], keysLocation: 'https://idp.example/keys' };
  const peerConfig = (sshEnabled: boolean) => ({ address: '100.64.0.1/16', fqdn: 'a.netbird.test', sshEnabled, routingPeerDnsResolutionEnabled: false, lazyConnectionEnabled: false, autoUpdate: { version: '', alwaysUpdate: false } });
  const config = { stuns: [], turns: [], signal: null, relay: null };
  const openAs = <T>(bytes: Uint8Array, schema: Parameters<typeof fromBinary>[0]) => {
    const msg = fromBinary(EncryptedMessageSchema, bytes);
    return fromBinary(schema, open(msg.body, server.publicKey, client.secretKey)) as T;
  };
  for (const sshEnabled of [true, false]) {
    const written: Uint8Array[] = [];
    const adapter = createSessionAdapter({
      envelope,
      sshJwt,
      login: { login: async () => ({ config, peerConfig: peerConfig(sshEnabled), checks: [] }) } as never,
      peers: {} as never,
      sync: { run: async (req) => req.send({ config: null, map: networkOnlyMap(3, peerConfig(sshEnabled), 0), checks: null }) },
    });
    const login = openAs<LoginResponse>(await adapter.login({ peerKey, message: create(LoginRequestSchema, {}) } as never, '198.51.100.7'), LoginResponseSchema);
    await adapter.sync({ peerKey, message: create(SyncRequestSchema, {}) }, { connectionIp: '198.51.100.7', signal: new AbortController().signal, write: async (b) => void written.push(b), confirm: async () => true });
    const sync = openAs<SyncResponse>(written[0]!, SyncResponseSchema);
    for (const [what, ssh] of [['login', login.peerConfig?.sshConfig], ['map', sync.networkMap?.peerConfig?.sshConfig]] as const) {
      assert.equal(ssh?.sshEnabled, sshEnabled, what);
      if (sshEnabled) assert.deepEqual({ ...ssh?.jwtConfig, $typeName: undefined }, { $typeName: undefined, issuer: 'https://idp.example/', audience: 'cli', audiences: ['api', 'cli'], keysLocation: 'https://idp.example/keys', maxTokenAge: 0n }, what);
      else assert.equal(ssh?.jwtConfig, undefined, what);
    }
  }
});
