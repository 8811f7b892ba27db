import { status } from '@grpc/grpc-js';
import type { CallStatus, GrpcCall } from './h2-grpc.js';
import type { SyncResponseSummary } from './sync-response-summary.js';

/** Why a Sync stream ended, as the generator saw it. */
export interface SyncEnd {
  readonly code: status;
  readonly details: string;
  /** True when the generator cancelled it (a drop), not an error. */
  readonly byUs: boolean;
}

/** Callbacks a fleet hands every stream (one object for all, so a stream costs no closures). */
export interface SyncListener {
  /** `previousSerial` is the stream's serial before this message (-1 before any map). */
  onMessage(sync: CountingSync, summary: SyncResponseSummary, previousSerial: number): void;
  onEnd(sync: CountingSync, end: SyncEnd): void;
}

/**
 * One open Sync stream that keeps only numbers — message count, bytes, last serial, times —
 * and never the messages, so thousands of streams cost the generator bounded memory.
 */
export class CountingSync {
  messages = 0;
  bytes = 0;
  /** Last NetworkMap serial received; -1 before any map. */
  serial = -1;
  /** performance.now() of the first message; undefined until then. */
  firstAt: number | undefined;
  /** Set once the stream has ended. */
  end: SyncEnd | undefined;
  private cancelled = false;

  constructor(
    readonly peerIndex: number,
    /** performance.now() when the Sync call was made. */
    readonly openedAt: number,
    private readonly call: GrpcCall,
    /**
     * Turns one response (the bytes the call kept of it, and its full length) into its
     * summary; throws when it does not decrypt or parse.
     */
    decode: (kept: Uint8Array, length: number) => SyncResponseSummary,
    listener: SyncListener,
  ) {
    call.on('data', (kept: Uint8Array, length: number) => {
      if (this.end) return;
      let summary: SyncResponseSummary;
      try {
        summary = decode(kept, length);
      } catch (err) {
        this.finish({ code: status.DATA_LOSS, details: `undecryptable or malformed response: ${(err as Error).message}`, byUs: false }, listener);
        call.cancel();
        return;
      }
      this.messages++;
      this.bytes += length;
      this.firstAt ??= performance.now();
      const previous = this.serial;
      if (summary.serial !== null) this.serial = summary.serial;
      listener.onMessage(this, summary, previous);
    });
    call.on('error', (e: CallStatus) => this.finish({ code: e.code, details: e.details, byUs: this.cancelled }, listener));
    call.on('end', () => this.finish({ code: status.OK, details: 'stream ended', byUs: this.cancelled }, listener));
  }

  /** Drops the stream as a client would (the server sees a cancellation). */
  cancel(): void {
    this.cancelled = true;
    this.call.cancel();
  }

  private finish(end: SyncEnd, listener: SyncListener): void {
    if (this.end) return;
    this.end = end;
    this.call.removeAllListeners('data');
    listener.onEnd(this, end);
  }
}
