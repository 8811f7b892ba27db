/**
 * One reusable buffer for the sealed Sync messages this process sends. grpc-js copies every
 * response into a frame of its own (serializeMessage: serializer, then a copy) before any other
 * code runs, so the bytes we seal a 1 MB map into are garbage right after `call.write` — and
 * allocating them anew per map is external memory that makes V8 run a full GC every few dozen
 * maps, on a heap holding thousands of streams. Lent out for one synchronous hand-over at a time:
 *
 *   take(size) → seal into it → call.write(bytes) → grpc-js calls the serializer: consumed(bytes)
 *   → copies → returns → settle(bytes).
 *
 * If the serializer did not see the bytes by the time `write` returned (a buffered or refused
 * write), someone may still hold them: the buffer is abandoned to them, never reused.
 */
export class OutgoingBuffer {
  private buf: Uint8Array = new Uint8Array(0);
  private lent: Uint8Array | undefined;
  private taken = false;

  constructor(
    /** Messages smaller than this are allocated as usual (pooled by Node, not worth it). */
    private readonly minBytes = 64 * 1024,
  ) {}

  /** `size` bytes to write into: the shared buffer when it is free, else fresh ones. */
  take(size: number): Uint8Array {
    if (this.taken || size < this.minBytes) return fresh(size);
    if (this.buf.length < size) this.buf = own(Math.max(size, Math.min(this.buf.length * 2, MAX_KEPT_BYTES)));
    this.taken = true;
    this.lent = this.buf.subarray(0, size);
    return this.lent;
  }

  /** The serializer saw `bytes` (any view of the lent memory): copied before control returns to any caller. */
  consumed(bytes: Uint8Array): void {
    if (this.lent !== undefined && bytes.buffer === this.lent.buffer) this.lent = undefined;
  }

  /** The write call that took `bytes` returned: the buffer is free again, or abandoned if it was not consumed. */
  settle(bytes: Uint8Array): void {
    if (!this.taken || bytes.buffer !== this.buf.buffer) return;
    if (this.lent !== undefined) this.buf = new Uint8Array(0);
    this.lent = undefined;
    this.taken = false;
  }
}

/** The shared buffer grows to the largest message, rounding up to at most this. */
const MAX_KEPT_BYTES = 16 * 1024 * 1024;

/** Memory of its own (never a slice of Node's pool), so `settle` can tell it by its ArrayBuffer. */
function own(size: number): Uint8Array {
  return new Uint8Array(size);
}

function fresh(size: number): Uint8Array {
  const b = Buffer.allocUnsafe(size);
  return new Uint8Array(b.buffer, b.byteOffset, size);
}

/** The process's one OutgoingBuffer: the session adapter seals into it, the Sync serializer consumes it. */
export const syncOutgoing = new OutgoingBuffer();
