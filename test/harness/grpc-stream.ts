import { Client, Metadata, ServerCredentials, credentials, type Server } from '@grpc/grpc-js';

/** The parts of a server-streaming method definition a client call needs. */
export interface StreamMethod {
  readonly path: string;
  readonly requestSerialize: (b: Uint8Array) => Buffer;
  readonly responseDeserialize: (b: Buffer) => Uint8Array;
}

/**
 * Binds `server` (services already added) on a free loopback port, calls `method` once from a
 * grpc-js client with an empty request, and returns every message until the stream ends OK
 * (rejects on an error status). The server is shut down afterwards either way.
 */
export async function collectServerStream(server: Server, method: StreamMethod): Promise<Uint8Array[]> {
  const port = await new Promise<number>((resolve, reject) => server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (e, p) => (e ? reject(e) : resolve(p))));
  const client = new Client(`127.0.0.1:${port}`, credentials.createInsecure());
  try {
    const got: Uint8Array[] = [];
    const call = client.makeServerStreamRequest(method.path, method.requestSerialize, method.responseDeserialize, new Uint8Array(), new Metadata(), {});
    call.on('data', (b: Uint8Array) => got.push(b));
    await new Promise<void>((resolve, reject) => (call.on('end', resolve), call.on('error', reject)));
    return got;
  } finally {
    client.close();
    server.forceShutdown();
  }
}
