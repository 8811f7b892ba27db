import { ServerCredentials, type Server } from '@grpc/grpc-js';
import { readFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { createServer as createTlsServer, type TLSSocket } from 'node:tls';

/**
 * Connections the kernel queues for the gRPC port before Roost accepts them (the kernel caps
 * it at net.core.somaxconn). Node's default is 511; a restart brings thousands of peers back
 * within a second or two, and past the queue their SYNs are dropped and each waits out TCP's
 * retransmits (1, 3, 7, 15 s …) before it is even heard.
 */
export const GRPC_LISTEN_BACKLOG = 4096;

/** How long a connection may take to finish TLS and send the HTTP/2 preface (grpc-go's default). */
export const DEFAULT_GRPC_HANDSHAKE_TIMEOUT_MS = 120_000;

/** `PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n`, the first bytes of every HTTP/2 client (RFC 9113 §3.4). */
const CLIENT_PREFACE_LENGTH = 24;

export interface BoundGrpc {
  readonly port: number;
  /** Stops accepting connections; resolves once those accepted have closed. */
  close(): Promise<void>;
}

export interface BindGrpcOptions {
  readonly host: string;
  readonly port: number;
  readonly tls: { readonly certFile: string; readonly keyFile: string } | null;
  /** Default DEFAULT_GRPC_HANDSHAKE_TIMEOUT_MS (NB_GRPC_HANDSHAKE_TIMEOUT). */
  readonly handshakeTimeoutMs?: number;
  readonly onAcceptError?: (err: Error) => void;
}

/**
 * Listens on host:port (0 = a free port) with our own backlog and hands every accepted socket
 * to the gRPC server (grpc-js's bindAsync has no backlog setting) once its handshake is done:
 * TLS when configured, then the 24-byte HTTP/2 client preface. A connection that has not got
 * that far within the handshake timeout is closed, as grpc-go does, so idle sockets cannot pile
 * up. TLS is terminated here (Node's TLS server, offering only `h2` as grpc-js does) so the
 * preface can be seen; grpc-js then serves the decrypted socket.
 */
export async function bindGrpcServer(server: Server, opts: BindGrpcOptions): Promise<BoundGrpc> {
  const timeoutMs = opts.handshakeTimeoutMs ?? DEFAULT_GRPC_HANDSHAKE_TIMEOUT_MS;
  const injector = server.createConnectionInjector(ServerCredentials.createInsecure());
  /** Accepted sockets still in their handshake, with the timer that closes them. */
  const handshaking = new Map<Socket, NodeJS.Timeout>();
  const finish = (raw: Socket) => {
    clearTimeout(handshaking.get(raw));
    handshaking.delete(raw);
  };

  /** Reads until the preface length has arrived, puts the bytes back, and hands the socket over. */
  const awaitPreface = (socket: Socket, raw: Socket) => {
    const chunks: Buffer[] = [];
    let length = 0;
    const onReadable = () => {
      for (let chunk: Buffer | null; (chunk = socket.read() as Buffer | null) !== null; ) {
        chunks.push(chunk);
        length += chunk.length;
      }
      if (length < CLIENT_PREFACE_LENGTH) return;
      socket.off('readable', onReadable);
      socket.off('error', onError);
      socket.unshift(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks));
      finish(raw);
      // HTTP/2 takes the bytes put back first; a wrong preface is refused there.
      injector.injectConnection(socket);
    };
    // A reset during the handshake must not become an unhandled 'error'.
    const onError = () => socket.destroy();
    socket.on('readable', onReadable);
    socket.on('error', onError);
  };

  // TLS sockets are matched to their accepted TCP socket by the client's address and port,
  // which identify a live connection to this one listening port.
  const endpoint = (s: Socket) => `${s.remoteAddress}|${s.remotePort}`;
  const tlsPending = new Map<string, Socket>();
  const tlsServer = opts.tls
    ? createTlsServer({ cert: readFileSync(opts.tls.certFile), key: readFileSync(opts.tls.keyFile), ALPNProtocols: ['h2'], handshakeTimeout: timeoutMs }, (tlsSocket: TLSSocket) => {
        const raw = tlsPending.get(endpoint(tlsSocket));
        if (raw === undefined) return tlsSocket.destroy();
        tlsPending.delete(endpoint(tlsSocket));
        // Errors after the hand-over (a reset mid-stream) are the session's business; without
        // a listener a TLS socket's error would end the process (as grpc-js also guards).
        tlsSocket.on('error', () => undefined);
        awaitPreface(tlsSocket, raw);
      })
    : undefined;
  // A failed TLS handshake (plaintext, bad version, timeout) just closes that connection.
  tlsServer?.on('tlsClientError', (_err, tlsSocket) => tlsSocket.destroy());

  const accept = (raw: Socket) => {
    handshaking.set(raw, setTimeout(() => raw.destroy(), timeoutMs));
    raw.once('close', () => finish(raw));
    if (!tlsServer) return awaitPreface(raw, raw);
    const key = endpoint(raw);
    tlsPending.set(key, raw);
    raw.once('close', () => tlsPending.delete(key));
    tlsServer.emit('connection', raw);
  };

  // Go's gRPC, which NetBird clients use, sends with Nagle off; so does the server.
  const listener = createServer({ noDelay: true }, accept);
  await new Promise<void>((resolve, reject) => {
    listener.once('error', reject);
    listener.listen({ host: opts.host, port: opts.port, backlog: GRPC_LISTEN_BACKLOG }, () => {
      listener.off('error', reject);
      resolve();
    });
  });
  // Once listening, an error is a failed accept (out of file descriptors, say): the listener
  // goes on, and an unhandled 'error' event would end the process.
  listener.on('error', (err) => opts.onAcceptError?.(err));
  return {
    port: (listener.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        listener.close(() => resolve());
        // Not yet handed to gRPC, so its shutdown would not end them.
        for (const raw of handshaking.keys()) raw.destroy();
      }),
  };
}
