import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { Client, Metadata, Server, credentials, type ChannelCredentials, type ServerUnaryCall, type sendUnaryData } from '@grpc/grpc-js';
import { bindGrpcServer, GRPC_LISTEN_BACKLOG } from './bind-grpc-server.js';

const raw = { serialize: (b: Uint8Array) => Buffer.from(b), deserialize: (b: Buffer) => new Uint8Array(b) };

function echoServer(): Server {
  const server = new Server();
  server.addService(
    { Echo: { path: '/t.T/Echo', requestStream: false, responseStream: false, requestSerialize: raw.serialize, requestDeserialize: raw.deserialize, responseSerialize: raw.serialize, responseDeserialize: raw.deserialize } },
    { Echo: (call: ServerUnaryCall<Uint8Array, Uint8Array>, cb: sendUnaryData<Uint8Array>) => cb(null, call.request) },
  );
  return server;
}

function echo(target: string, creds: ChannelCredentials, options: Record<string, string> = {}): Promise<Uint8Array> {
  const client = new Client(target, creds, options);
  return new Promise<Uint8Array>((resolve, reject) =>
    client.makeUnaryRequest('/t.T/Echo', raw.serialize, raw.deserialize, Uint8Array.of(7, 8), new Metadata(), { deadline: Date.now() + 10_000 }, (err, res) => (err ? reject(err) : resolve(res!))),
  ).finally(() => client.close());
}

async function shutdown(server: Server, close: () => Promise<void>): Promise<void> {
  const closed = close();
  await new Promise<void>((resolve) => server.tryShutdown(() => resolve()));
  await closed;
}

/** The accept queue length of the listening socket on `port`, as `ss` reports it (Send-Q). */
function listenBacklog(port: number): number | undefined {
  try {
    const line = execFileSync('ss', ['-Hltn', `sport = :${port}`], { encoding: 'utf8' }).trim();
    return Number(line.split(/\s+/)[2]);
  } catch {
    return undefined;
  }
}

test('the gRPC port listens with the larger accept queue and serves calls', async (t) => {
  const server = echoServer();
  const bound = await bindGrpcServer(server, { host: '127.0.0.1', port: 0, tls: null });
  try {
    assert.deepEqual(await echo(`127.0.0.1:${bound.port}`, credentials.createInsecure()), Uint8Array.of(7, 8));
    const backlog = listenBacklog(bound.port);
    if (backlog === undefined) {
      t.diagnostic('ss (iproute2) is not installed: the accept queue length is not checked');
      return;
    }
    const somaxconn = Number(readFileSync('/proc/sys/net/core/somaxconn', 'utf8'));
    assert.equal(backlog, Math.min(GRPC_LISTEN_BACKLOG, somaxconn));
    assert.ok(backlog > 511, `accept queue ${backlog}, not Node's default`);
  } finally {
    await shutdown(server, bound.close);
  }
});

test('with a certificate the gRPC port speaks TLS', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'roost-tls-'));
  try {
    const certFile = join(dir, 'cert.pem');
    const keyFile = join(dir, 'key.pem');
    try {
      execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1', '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost', '-keyout', keyFile, '-out', certFile], { stdio: 'ignore' });
    } catch {
      t.skip('openssl is not installed: cannot make a test certificate');
      return;
    }
    const server = echoServer();
    const bound = await bindGrpcServer(server, { host: '127.0.0.1', port: 0, tls: { certFile, keyFile } });
    try {
      const tls = credentials.createSsl(readFileSync(certFile));
      assert.deepEqual(await echo(`127.0.0.1:${bound.port}`, tls, { 'grpc.ssl_target_name_override': 'localhost' }), Uint8Array.of(7, 8));
      await assert.rejects(echo(`127.0.0.1:${bound.port}`, credentials.createInsecure()), 'plaintext is refused');
    } finally {
      await shutdown(server, bound.close);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
