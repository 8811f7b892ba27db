import type { EmptySchema, LoginRequest, SyncMetaRequest, SyncRequest } from '../gen/management_pb.js';
import type { MessageShape } from '@bufbuild/protobuf';
import type { OpenedRequest } from './open-request.js';

/** A Sync stream as the session layer sees it: where to write sealed messages, and when it ends. */
export interface SyncStream {
  readonly connectionIp: string;
  /** Aborted when the client goes away. */
  readonly signal: AbortSignal;
  /**
   * Writes one already-encoded EncryptedMessage. Resolves once the transport has taken it (grpc-js
   * has handed it to HTTP/2), so awaiting each write keeps one message per stream in flight;
   * rejects with Internal "stream closed" when the stream ends first (the message may be lost) or
   * `ended` aborts (the session gave the stream up, e.g. replaced by a newer one).
   */
  write(bytes: Uint8Array, ended?: AbortSignal): Promise<void>;
  /**
   * Resolves true once the client's transport has read everything written so far (an HTTP/2
   * PING after it, acknowledged); false when that cannot be known — the connection closed, the
   * stream ended, or `ended` aborted first. Never rejects.
   */
  confirm(ended?: AbortSignal): Promise<boolean>;
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
