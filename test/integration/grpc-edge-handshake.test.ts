/**
 * NB_GRPC_HANDSHAKE_TIMEOUT end to end: connections to the assembled server's gRPC port that
 * never send the HTTP/2 preface are closed after it, so they cannot hold descriptors; clients
 * speaking the real protocol are not affected.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { connect, type Socket } from 'node:net';
import { readEnvSettings } from '../../src/config/env-settings.js';
import { DEFAULT_GRPC_HANDSHAKE_TIMEOUT_MS } from '../../src/grpc/bind-grpc-server.js';
import { TestAgent, linuxMeta } from '../harness/test-agent.js';
import { startTestServer } from '../harness/test-server.js';
import { seedAccount } from '../harness/seed.js';
import { pollUntil } from '../harness/poll.js';

test('NB_GRPC_HANDSHAKE_TIMEOUT: a Go duration, 2m by default (grpc-go), positive', () => {
  assert.equal(readEnvSettings({}).grpcHandshakeTimeoutMs, 120_000);
  assert.equal(DEFAULT_GRPC_HANDSHAKE_TIMEOUT_MS, 120_000);
  assert.equal(readEnvSettings({ NB_GRPC_HANDSHAKE_TIMEOUT: '1m30s' }).grpcHandshakeTimeoutMs, 90_000);
  for (const bad of ['0s', '-5s', 'soon', '10']) {
    assert.throws(() => readEnvSettings({ NB_GRPC_HANDSHAKE_TIMEOUT: bad }), { kind: 'InvalidArgument', message: /^NB_GRPC_HANDSHAKE_TIMEOUT: / }, bad);
  }
});

test('idle connections to the gRPC port are closed after NB_GRPC_HANDSHAKE_TIMEOUT; agents log in and sync meanwhile', async (t) => {
  const timeoutMs = 500;
  const server = await startTestServer({ env: { NB_GRPC_HANDSHAKE_TIMEOUT: `${timeoutMs}ms` } });
  const agent = new TestAgent(server.grpcTarget);
  const idle: Socket[] = [];
  t.after(async () => {
    for (const s of idle) s.destroy();
    agent.close();
    await server.stop();
  });
  assert.equal(server.config.grpcHandshakeTimeoutMs, timeoutMs);

  const t0 = Date.now();
  let closed = 0;
  for (let i = 0; i < 200; i++) {
    const s = connect(server.ports.grpc, '127.0.0.1');
    s.on('error', () => undefined);
    s.once('close', () => closed++);
    idle.push(s);
  }
  // A real client works while they wait, and its connection is not cut by the timeout.
  const seed = await seedAccount(server.app);
  const key = await seed.setupKey();
  await agent.register(key.plain, linuxMeta('edge'));
  const stream = await agent.sync({ meta: linuxMeta('edge') });
  t.after(() => stream.close());
  assert.ok((await stream.next()).networkMap);

  await pollUntil(() => closed === idle.length, { timeoutMs: 15_000, what: `idle connections closed (${closed}/${idle.length})` });
  assert.ok(Date.now() - t0 >= timeoutMs - 50, 'not before the timeout');
  // Past the timeout, the agent's connection (opened before it) still serves calls.
  assert.equal((await agent.getServerKey()).key, server.app.serverPublicKey);
  await agent.syncMeta(linuxMeta('edge', { netbirdVersion: '0.71.0' }));
});
