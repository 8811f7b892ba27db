import type { ClientHttp2Session, ServerHttp2Session } from 'node:http2';

/** The part of an HTTP/2 session delivery confirmation uses (ServerHttp2Session fits). */
export type PingableSession = Pick<ServerHttp2Session | ClientHttp2Session, 'ping' | 'closed' | 'destroyed'>;

/**
 * The HTTP/2 session (the client's connection) a grpc-js server call runs on. grpc-js has no
 * public accessor for it, so this follows its call objects: the surface call holds its
 * intercepting call (`call`), interceptors chain through `nextCall`, and the innermost call
 * holds the HTTP/2 stream, whose `session` is Node's own. Undefined when that shape is not
 * found (a grpc-js upgrade that moved it fails http2-session-of.test.ts, not production: the
 * caller then never confirms, and the fast path is merely not taken).
 */
export function http2SessionOf(call: object): PingableSession | undefined {
  let node: unknown = (call as { call?: unknown }).call;
  for (let depth = 0; depth < 8 && typeof node === 'object' && node !== null; depth++) {
    const session = (node as { stream?: { session?: unknown } }).stream?.session;
    if (isPingable(session)) return session;
    node = (node as { nextCall?: unknown }).nextCall;
  }
  return undefined;
}

const isPingable = (s: unknown): s is PingableSession =>
  typeof s === 'object' && s !== null && typeof (s as { ping?: unknown }).ping === 'function';
