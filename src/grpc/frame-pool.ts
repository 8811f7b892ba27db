import { GRPC_PREFIX, markFramedBuffer } from './preframed-responses.js';

export interface FramePoolOptions {
  /** Messages smaller than this get fresh bytes as usual (Node's pool, cheap to copy). */
  readonly minBytes: number;
  /** Free memory kept for reuse; frames released beyond it are left to the collector. */
  readonly maxFreeBytes: number;
  /** Free memory not taken again within this long is let go (an idle server gives it back). */
  readonly idleMs: number;
}

/**
 * 32 MiB: about 25 allow-all maps of 5,000 peers, more than the 16 full-map sends the send gate
 * lets run at once, so a fan-out circulates the same frames.
 */
const DEFAULTS: FramePoolOptions = { minBytes: 64 * 1024, maxFreeBytes: 32 * 1024 * 1024, idleMs: 30_000 };

/**
 * Memory for large sealed Sync messages, reused once the transport has written them. A 1 MB map
 * in fresh memory per message is external memory that makes V8 run a full collection every few
 * dozen maps on a heap holding thousands of streams; from here the same few buffers serve every
 * map. Each buffer carries gRPC's 5-byte message prefix before the message, so the transport can
 * send it as it lies (preframed-responses) instead of copying it into a frame of its own.
 *
 *   take(size) → seal into it → call.write(bytes) → written (write callback) → release(bytes)
 *
 * Bytes whose write failed or was abandoned are never released: whoever may still hold them keeps
 * them, and the collector takes them after.
 */
export class FramePool {
  private readonly free = new Map<number, ArrayBuffer[]>();
  private readonly owned = new WeakSet<ArrayBuffer>();
  private readonly isFree = new WeakSet<ArrayBuffer>();
  private freeBytes = 0;
  private readonly options: FramePoolOptions;
  /** Whether a frame was taken since the idle timer last looked. */
  private takenSinceCheck = false;
  private idleTimer: NodeJS.Timeout | undefined;

  constructor(options: Partial<FramePoolOptions> = {}) {
    this.options = { ...DEFAULTS, ...options };
  }

  /** `size` bytes to write one message into (its gRPC prefix already laid out before them when pooled). */
  take(size: number): Uint8Array {
    const total = size + GRPC_PREFIX;
    if (total < this.options.minBytes) {
      const b = Buffer.allocUnsafe(size);
      return new Uint8Array(b.buffer, b.byteOffset, size);
    }
    this.takenSinceCheck = true;
    const capacity = sizeClass(total);
    const buffer = this.free.get(capacity)?.pop() ?? this.allocate(capacity);
    if (this.isFree.has(buffer)) {
      this.isFree.delete(buffer);
      this.freeBytes -= capacity;
    }
    const prefix = new DataView(buffer, 0, GRPC_PREFIX);
    prefix.setUint8(0, 0); // not compressed
    prefix.setUint32(1, size);
    return new Uint8Array(buffer, GRPC_PREFIX, size);
  }

  /** The transport has written `bytes` (any view of a taken message): its memory may serve again. */
  release(bytes: Uint8Array): void {
    const buffer = bytes.buffer;
    if (!(buffer instanceof ArrayBuffer) || !this.owned.has(buffer) || this.isFree.has(buffer)) return;
    if (this.freeBytes + buffer.byteLength > this.options.maxFreeBytes) return;
    this.isFree.add(buffer);
    this.freeBytes += buffer.byteLength;
    const list = this.free.get(buffer.byteLength);
    if (list) list.push(buffer);
    else this.free.set(buffer.byteLength, [buffer]);
    this.watchIdle();
  }

  /** Bytes kept for reuse now. */
  get keptBytes(): number {
    return this.freeBytes;
  }

  /** While memory is kept, checks every idleMs whether it served; if not, lets it all go. */
  private watchIdle(): void {
    if (this.idleTimer) return;
    this.takenSinceCheck = false;
    this.idleTimer = setTimeout(() => {
      this.idleTimer = undefined;
      if (this.takenSinceCheck) return this.watchIdle();
      this.free.clear();
      this.freeBytes = 0;
    }, this.options.idleMs);
    this.idleTimer.unref();
  }

  private allocate(capacity: number): ArrayBuffer {
    const buffer = new ArrayBuffer(capacity);
    this.owned.add(buffer);
    markFramedBuffer(buffer);
    return buffer;
  }
}

/**
 * Capacity for `n` bytes: `n` rounded up to an eighth of its power of two (≤ 12.5 % slack), so
 * maps of one account, which differ by a few entries, share a size and their buffers.
 */
export function sizeClass(n: number): number {
  if (n <= 8) return 8;
  const step = 2 ** (Math.floor(Math.log2(n)) - 3);
  return Math.ceil(n / step) * step;
}
