import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect as http2Connect, constants as h2 } from 'node:http2';
import { connect as tcpConnect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { connect as tlsConnect } from 'node:tls';
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

/** A self-signed certificate for localhost in a temp dir, or undefined without openssl. */
function testCertificate(t: { after(fn: () => unknown): void }): { certFile: string; keyFile: string } | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'roost-tls-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const certFile = join(dir, 'cert.pem');
  const keyFile = join(dir, 'key.pem');
  try {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1', '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost', '-keyout', keyFile, '-out', certFile], { stdio: 'ignore' });
  } catch {
    return undefined;
  }
  return { certFile, keyFile };
}

test('with a certificate the gRPC port speaks TLS', async (t) => {
  const cert = testCertificate(t);
  if (!cert) {
    t.skip('openssl is not installed: cannot make a test certificate');
    return;
  }
  const { certFile, keyFile } = cert;
  {
    const server = echoServer();
    const bound = await bindGrpcServer(server, { host: '127.0.0.1', port: 0, tls: { certFile, keyFile } });
    try {
      const tls = credentials.createSsl(readFileSync(certFile));
      assert.deepEqual(await echo(`127.0.0.1:${bound.port}`, tls, { 'grpc.ssl_target_name_override': 'localhost' }), Uint8Array.of(7, 8));
      await assert.rejects(echo(`127.0.0.1:${bound.port}`, credentials.createInsecure()), 'plaintext is refused');
    } finally {
      await shutdown(server, bound.close);
    }
  }
});

/** Resolves with the ms from `since` until `socket` is closed by the other side (rejects after `limitMs`). */
function closedAfter(socket: Socket, since: number, limitMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`socket still open after ${limitMs} ms`)), limitMs);
    socket.on('error', () => undefined);
    socket.once('close', () => {
      clearTimeout(timer);
      resolve(Date.now() - since);
    });
  });
}

const HANDSHAKE_MS = 400;
const PREFACE = Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n');

test('a connection that never sends the HTTP/2 preface (nothing, or part of it) is closed after the handshake timeout', async () => {
  const server = echoServer();
  const bound = await bindGrpcServer(server, { host: '127.0.0.1', port: 0, tls: null, handshakeTimeoutMs: HANDSHAKE_MS });
  try {
    const t0 = Date.now();
    const silent = tcpConnect(bound.port, '127.0.0.1');
    const partial = tcpConnect(bound.port, '127.0.0.1', () => partial.write(PREFACE.subarray(0, 23)));
    const [a, b] = await Promise.all([closedAfter(silent, t0, 10_000), closedAfter(partial, t0, 10_000)]);
    for (const ms of [a, b]) assert.ok(ms >= HANDSHAKE_MS - 50, `closed after ${ms} ms, not before the timeout`);
    // The port serves normal clients all along.
    assert.deepEqual(await echo(`127.0.0.1:${bound.port}`, credentials.createInsecure()), Uint8Array.of(7, 8));
  } finally {
    await shutdown(server, bound.close);
  }
});

test('a slow client that sends the preface before the timeout is served, and its connection outlives the timeout', async () => {
  const server = echoServer();
  const bound = await bindGrpcServer(server, { host: '127.0.0.1', port: 0, tls: null, handshakeTimeoutMs: HANDSHAKE_MS });
  try {
    const t0 = Date.now();
    const socket = tcpConnect(bound.port, '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    // The client's slowness is the scenario: it stays silent for a quarter of the timeout and
    // then sends the preface in two pieces.
    await new Promise((resolve) => setTimeout(resolve, HANDSHAKE_MS / 4));
    const session = http2Connect(`http://127.0.0.1:${bound.port}`, {
      createConnection: () => {
        const write = socket.write.bind(socket);
        let first = true;
        socket.write = ((chunk: Buffer, ...rest: never[]) => {
          if (!first) return write(chunk, ...rest);
          first = false;
          write(chunk.subarray(0, 10));
          return write(chunk.subarray(10), ...rest);
        }) as typeof socket.write;
        return socket;
      },
    });
    let closed = false;
    session.on('close', () => (closed = true));
    session.on('error', () => undefined);
    // Calls on this one connection until well past the timeout: it is never cut.
    let calls = 0;
    while (Date.now() - t0 < HANDSHAKE_MS * 2.5) {
      assert.deepEqual(await rawEcho(session), Uint8Array.of(7, 8), `call ${calls}`);
      calls++;
    }
    assert.equal(closed, false, 'the session stayed open');
    session.close();
  } finally {
    await shutdown(server, bound.close);
  }
});

/** One Echo over a raw HTTP/2 session, framed as gRPC (5-byte length prefix). */
function rawEcho(session: ReturnType<typeof http2Connect>): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const req = session.request({ [h2.HTTP2_HEADER_METHOD]: 'POST', [h2.HTTP2_HEADER_PATH]: '/t.T/Echo', 'content-type': 'application/grpc', te: 'trailers' });
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('error', reject);
    req.on('trailers', (trailers) => {
      if (trailers['grpc-status'] !== '0') reject(new Error(`grpc-status ${String(trailers['grpc-status'])}`));
    });
    req.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks).subarray(5))));
    req.end(Buffer.from([0, 0, 0, 0, 2, 7, 8]));
  });
}

test('a normal gRPC client keeps its connection past the handshake timeout', async () => {
  const server = echoServer();
  const bound = await bindGrpcServer(server, { host: '127.0.0.1', port: 0, tls: null, handshakeTimeoutMs: HANDSHAKE_MS });
  const client = new Client(`127.0.0.1:${bound.port}`, credentials.createInsecure());
  try {
    const t0 = Date.now();
    const call = () =>
      new Promise<Uint8Array>((resolve, reject) =>
        client.makeUnaryRequest('/t.T/Echo', raw.serialize, raw.deserialize, Uint8Array.of(7, 8), new Metadata(), { deadline: Date.now() + 5_000 }, (err, res) => (err ? reject(err) : resolve(res!))),
      );
    while (Date.now() - t0 < HANDSHAKE_MS * 2.5) assert.deepEqual(await call(), Uint8Array.of(7, 8));
  } finally {
    client.close();
    await shutdown(server, bound.close);
  }
});

test('with TLS: a silent connection, and one that finishes TLS but sends no preface, are closed after the timeout', async (t) => {
  const cert = testCertificate(t);
  if (!cert) {
    t.skip('openssl is not installed: cannot make a test certificate');
    return;
  }
  const server = echoServer();
  const bound = await bindGrpcServer(server, { host: '127.0.0.1', port: 0, tls: cert, handshakeTimeoutMs: HANDSHAKE_MS });
  try {
    const t0 = Date.now();
    const silent = tcpConnect(bound.port, '127.0.0.1');
    const tlsOnly = tlsConnect({ host: '127.0.0.1', port: bound.port, servername: 'localhost', ca: readFileSync(cert.certFile), ALPNProtocols: ['h2'] });
    const secured = new Promise<string | false | null>((resolve) => tlsOnly.once('secureConnect', () => resolve(tlsOnly.alpnProtocol)));
    const [a, b] = await Promise.all([closedAfter(silent, t0, 10_000), closedAfter(tlsOnly, t0, 10_000)]);
    assert.equal(await secured, 'h2', 'the TLS handshake itself completed, offering h2');
    for (const ms of [a, b]) assert.ok(ms >= HANDSHAKE_MS - 50, `closed after ${ms} ms, not before the timeout`);
    const creds = credentials.createSsl(readFileSync(cert.certFile));
    assert.deepEqual(await echo(`127.0.0.1:${bound.port}`, creds, { 'grpc.ssl_target_name_override': 'localhost' }), Uint8Array.of(7, 8));
  } finally {
    await shutdown(server, bound.close);
  }
});

test('closing the port ends connections still in their handshake at once', async () => {
  const server = echoServer();
  const bound = await bindGrpcServer(server, { host: '127.0.0.1', port: 0, tls: null, handshakeTimeoutMs: 60_000 });
  const idle = tcpConnect(bound.port, '127.0.0.1');
  await new Promise((resolve) => idle.once('connect', resolve));
  // Make sure the server has accepted it: a normal call after it is accepted in order.
  assert.deepEqual(await echo(`127.0.0.1:${bound.port}`, credentials.createInsecure()), Uint8Array.of(7, 8));
  const t0 = Date.now();
  const closed = closedAfter(idle, t0, 10_000);
  await shutdown(server, bound.close);
  assert.ok((await closed) < 10_000);
});
