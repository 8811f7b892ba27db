import { ServerCredentials, type Server } from '@grpc/grpc-js';
import { readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';

/**
 * Connections the kernel queues for the gRPC port before Roost accepts them (the kernel caps
 * it at net.core.somaxconn). Node's default is 511; a restart brings thousands of peers back
 * within a second or two, and past the queue their SYNs are dropped and each waits out TCP's
 * retransmits (1, 3, 7, 15 s …) before it is even heard.
 */
export const GRPC_LISTEN_BACKLOG = 4096;

export interface BoundGrpc {
  readonly port: number;
  /** Stops accepting connections; resolves once those accepted have closed. */
  close(): Promise<void>;
}

/**
 * Listens on host:port (0 = a free port) with our own backlog and hands every accepted socket
 * to the gRPC server (grpc-js's bindAsync has no backlog setting). TLS, when configured, is
 * negotiated on the handed-over socket as it would be on a port grpc-js bound itself.
 */
export async function bindGrpcServer(
  server: Server,
  opts: { host: string; port: number; tls: { certFile: string; keyFile: string } | null; onAcceptError?: (err: Error) => void },
): Promise<BoundGrpc> {
  const creds = opts.tls
    ? ServerCredentials.createSsl(null, [{ cert_chain: readFileSync(opts.tls.certFile), private_key: readFileSync(opts.tls.keyFile) }], false)
    : ServerCredentials.createInsecure();
  const injector = server.createConnectionInjector(creds);
  // Go's gRPC, which NetBird clients use, sends with Nagle off; so does the server.
  const listener = createServer({ noDelay: true }, (socket) => injector.injectConnection(socket));
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
    close: () => new Promise<void>((resolve) => listener.close(() => resolve())),
  };
}
