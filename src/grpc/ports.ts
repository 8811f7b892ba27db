import type { EmptySchema, LoginRequest, SyncMetaRequest, SyncRequest } from '../gen/management_pb.js';
import type { MessageShape } from '@bufbuild/protobuf';
import type { OpenedRequest } from './open-request.js';

/** A Sync stream as the session layer sees it: where to write sealed messages, and when it ends. */
export interface SyncStream {
  readonly connectionIp: string;
  /** Aborted when the client goes away. */
  readonly signal: AbortSignal;
  /** Writes one already-encoded EncryptedMessage; resolves when buffered (backpressure-aware). */
  write(bytes: Uint8Array): Promise<void>;
}

/**
 * What the gRPC edge needs from the session layer, owned here (STYLE.md habit 4). Each method
 * gets an already opened and parsed request and returns encoded bytes (or nothing for Empty).
 */
export interface GrpcSessionPorts {
  login(req: OpenedRequest<LoginRequest>, connectionIp: string): Promise<Uint8Array>;
  /** Runs the stream until it ends; resolves = end with OK, rejects = end with that error. */
  sync(req: OpenedRequest<SyncRequest>, stream: SyncStream): Promise<void>;
  syncMeta(req: OpenedRequest<SyncMetaRequest>): Promise<void>;
  logout(req: OpenedRequest<MessageShape<typeof EmptySchema>>): Promise<void>;
}
