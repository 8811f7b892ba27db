import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { create, toBinary } from '@bufbuild/protobuf';
import { timestampMs } from '@bufbuild/protobuf/wkt';
import { EmptySchema, EncryptedMessageSchema, LoginRequestSchema, SyncRequestSchema } from '../../src/gen/management_pb.js';
import { parseWgKey } from '../../src/crypto/wg-key.js';
import { GrpcCallError, TestAgent, status } from '../harness/test-agent.js';
import { startTestServer, type TestServer } from '../harness/test-server.js';
import { pollUntil } from '../harness/poll.js';

describe('gRPC foundation through the real server', () => {
  let server: TestServer;
  let agent: TestAgent;
  before(async () => {
    server = await startTestServer();
    agent = new TestAgent(server.grpcTarget);
  });
  after(async () => {
    agent.close();
    await server.stop();
  });

  test('GetServerKey returns a valid WireGuard key expiring in 24 h', async () => {
    const res = await agent.getServerKey();
    assert.equal(parseWgKey(res.key).length, 32);
    assert.equal(res.key, server.app.serverPublicKey);
    const ttl = timestampMs(res.expiresAt!) - Date.now();
    assert.ok(ttl > 23.9 * 3600_000 && ttl <= 24 * 3600_000 + 1000, `expiresAt ${ttl} ms ahead`);
  });

  test('isHealthy answers', async () => {
    await agent.isHealthy();
  });

  test('SSO flows answer NOT_FOUND; Job and Expose answer UNIMPLEMENTED', async () => {
    const { key } = await agent.getServerKey();
    const empty = agent.envelope(key, toBinary(EmptySchema, create(EmptySchema)));
    for (const m of ['GetDeviceAuthorizationFlow', 'GetPKCEAuthorizationFlow']) {
      await assert.rejects(agent.callRaw(m, empty), (e: GrpcCallError) => e.code === status.NOT_FOUND, m);
    }
    for (const m of ['CreateExpose', 'RenewExpose', 'StopExpose', 'ExtendAuthSession']) {
      await assert.rejects(agent.callRaw(m, empty), (e: GrpcCallError) => e.code === status.UNIMPLEMENTED, m);
    }
  });

  // Each bad input, for every enveloped method; the server must keep serving after each.
  const outer = (wgPubKey: string, body: Uint8Array) => toBinary(EncryptedMessageSchema, create(EncryptedMessageSchema, { wgPubKey, body }));
  const badInputs: [string, (serverKey: string) => Uint8Array, status[]][] = [
    ['key not base64', () => outer('this is not base64 at all!!!!!!!!!!!!!!!!!!=', new Uint8Array(64)), [status.INVALID_ARGUMENT]],
    ['key of wrong length', () => outer(Buffer.alloc(16).toString('base64'), new Uint8Array(64)), [status.INVALID_ARGUMENT]],
    ['undecryptable body', () => outer(agent.publicKey, new Uint8Array(80).fill(7)), [status.INVALID_ARGUMENT]],
    ['body shorter than 24 bytes', () => outer(agent.publicKey, new Uint8Array(23)), [status.INVALID_ARGUMENT]],
    ['outer message not protobuf', () => new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x0f]), [status.INVALID_ARGUMENT]],
    ['inner message not protobuf', (k) => agent.envelope(k, new Uint8Array([0x0a, 0x7f, 0x01])), [status.INVALID_ARGUMENT]],
    ['inner message with an invalid wire type', (k) => agent.envelope(k, new Uint8Array([0x0f, 0x00, 0x00])), [status.INVALID_ARGUMENT]],
    ['5 MiB body', () => outer(agent.publicKey, new Uint8Array(5 * 1024 * 1024)), [status.RESOURCE_EXHAUSTED, status.INVALID_ARGUMENT]],
  ];
  for (const method of ['Login', 'SyncMeta', 'Logout']) {
    for (const [name, make, codes] of badInputs) {
      test(`${method}: ${name} → ${codes.map((c) => status[c]).join(' or ')}`, async () => {
        const { key } = await agent.getServerKey();
        await assert.rejects(agent.callRaw(method, make(key)), (e: GrpcCallError) => codes.includes(e.code) || assert.fail(`got ${status[e.code]}: ${e.details}`));
        assert.equal((await agent.getServerKey()).key, key);
      });
    }
  }
  for (const [name, make, codes] of badInputs) {
    test(`Sync: ${name} → ${codes.map((c) => status[c]).join(' or ')}`, async () => {
      const { key } = await agent.getServerKey();
      const stream = await agent.sync({ innerBytes: new Uint8Array() });
      stream.close();
      // Open the stream with the raw bad envelope instead of a good one.
      const call = agent.client.makeServerStreamRequest('/management.ManagementService/Sync', (b: Uint8Array) => Buffer.from(b), (b: Buffer) => b, make(key));
      const code = await new Promise<status>((resolve) => {
        call.on('error', (e: { code: status }) => resolve(e.code));
        call.on('data', () => resolve(status.OK));
        call.on('end', () => resolve(status.OK));
      });
      assert.ok(codes.includes(code), `got ${status[code]}`);
      assert.equal((await agent.getServerKey()).key, key);
    });
  }

  test('a well-formed Login reaches the session layer (validated before anything else)', async () => {
    const { key } = await agent.getServerKey();
    const inner = toBinary(LoginRequestSchema, create(LoginRequestSchema, { meta: { hostname: 'h' } }));
    await assert.rejects(agent.callRaw('Login', agent.envelope(key, inner)), (e: GrpcCallError) => e.code !== status.INVALID_ARGUMENT && e.code !== status.INTERNAL);
    const sync = toBinary(SyncRequestSchema, create(SyncRequestSchema));
    assert.ok(sync.length === 0);
  });

  test('client keepalive pings every 50 ms, also between calls, never cost the connection', async () => {
    const pinger = new TestAgent(server.grpcTarget, {
      channelOptions: { 'grpc.keepalive_time_ms': 50, 'grpc.keepalive_timeout_ms': 1000, 'grpc.keepalive_permit_without_calls': 1 },
    });
    let watching = true;
    try {
      await pinger.getServerKey();
      const states: number[] = [];
      const ch = pinger.client.getChannel();
      const watch = (s: number) => ch.watchConnectivityState(s, Date.now() + 60_000, () => {
        if (!watching) return;
        const now = ch.getConnectivityState(false);
        states.push(now);
        watch(now);
      });
      watch(ch.getConnectivityState(false));
      // Keep the channel idle (no calls) for ~20 ping intervals, then call again on it.
      const start = Date.now();
      await pollUntil(() => Date.now() - start >= 1000, { what: 'idle period', intervalMs: 50 });
      await pinger.getServerKey();
      assert.deepEqual(states.filter((s) => s !== 2 /* READY */), [], `connection left READY: ${states.join(',')}`);
    } finally {
      watching = false;
      pinger.close();
    }
  });
});

test('the server key survives a restart on the same data dir', async (t) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'roost-restart-'));
  t.after(() => rmSync(dataDir, { recursive: true, force: true }));
  const first = await startTestServer({ dataDir });
  const a = new TestAgent(first.grpcTarget);
  const k1 = (await a.getServerKey()).key;
  a.close();
  await first.stop();
  const second = await startTestServer({ dataDir });
  const b = new TestAgent(second.grpcTarget);
  try {
    assert.equal((await b.getServerKey()).key, k1);
  } finally {
    b.close();
    await second.stop();
  }
});
