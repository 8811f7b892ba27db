import { EventEmitter } from 'node:events';
import { connect, constants, type ClientHttp2Session, type ClientHttp2Stream, type IncomingHttpHeaders } from 'node:http2';
import { status } from '@grpc/grpc-js';
import { GrpcCallError } from '../test/harness/test-agent.js';

/** How a call ended: its gRPC status and message. */
export interface CallStatus {
  readonly code: status;
  readonly details: string;
}

/**
 * The stream and session receive windows the generator's connections open. A NetBird client
 * (grpc-go) starts at HTTP/2's 64 KiB and lets its BDP estimator grow both windows up to
 * 16 MiB once large messages flow; a fixed 16 MiB from the start is that grown state without
 * the estimator's pings. With 64 KiB, a 1.2 MiB map could run only 64 KiB ahead of the
 * generator's WINDOW_UPDATEs. Frames stay at HTTP/2's default 16 KiB, the largest grpc-go
 * reads, so the server frames its maps as it would for real clients.
 */
export const RECEIVE_WINDOW_BYTES = 16 * 1024 * 1024;

/**
 * One HTTP/2 connection speaking gRPC's framing directly — the generator's client. grpc-js's
 * client costs the generator about as much CPU per call as the server spends answering a
 * fast-path Sync, and both share the machine's two cores; what a peer sends is the same
 * (POST, `application/grpc`, length-prefixed messages, status in trailers). Dials lazily and
 * again after the connection closed.
 */
export class H2Channel {
  private session: ClientHttp2Session | undefined;

  constructor(private readonly authority: string) {}

  /**
   * A server-streaming (or unary, read as a stream) call of `path` with one request message.
   * Of each response message longer than `keepBytes`, only its first `keepBytes` bytes are
   * kept (see MessageSplitter).
   */
  call(path: string, request: Uint8Array, timeoutMs?: number, keepBytes = Infinity): GrpcCall {
    const headers: Record<string, string> = {
      ':method': 'POST',
      ':path': path,
      'content-type': 'application/grpc',
      te: 'trailers',
    };
    if (timeoutMs !== undefined) headers['grpc-timeout'] = `${Math.max(1, Math.ceil(timeoutMs))}m`;
    let stream: ClientHttp2Stream;
    try {
      stream = this.connection().request(headers);
    } catch (err) {
      return GrpcCall.failed({ code: status.UNAVAILABLE, details: `cannot open a stream: ${(err as Error).message}` });
    }
    const call = new GrpcCall(stream, timeoutMs, keepBytes);
    stream.end(frame(request));
    return call;
  }

  /** One request, one response; rejects with GrpcCallError on any other status. */
  unary(path: string, request: Uint8Array, timeoutMs: number): Promise<Uint8Array> {
    return new Promise((resolve, reject) => {
      const call = this.call(path, request, timeoutMs);
      let response: Uint8Array | undefined;
      let count = 0;
      call.on('data', (m: Uint8Array) => {
        response = m;
        count++;
      });
      call.on('error', (s: CallStatus) => reject(new GrpcCallError(s.code, s.details)));
      call.on('end', () => {
        if (count === 1) resolve(response!);
        else reject(new GrpcCallError(status.INTERNAL, `unary call answered with ${count} messages`));
      });
    });
  }

  close(): void {
    this.session?.close();
    this.session = undefined;
  }

  private connection(): ClientHttp2Session {
    const s = this.session;
    if (s && !s.closed && !s.destroyed) return s;
    // Node refuses new streams on a session holding more than maxSessionMemory (10 MB by
    // default) of unread data — one 1.7 MB map push in flight plus a reconnect can reach
    // it. grpc-js lifts the limit for the same reason.
    const fresh = connect(`http://${this.authority}`, {
      maxSessionMemory: Number.MAX_SAFE_INTEGER,
      settings: { initialWindowSize: RECEIVE_WINDOW_BYTES },
    });
    // The session's window can only be raised once the handshake has set the session up.
    fresh.once('connect', () => fresh.setLocalWindowSize(RECEIVE_WINDOW_BYTES));
    // Errors reach the streams (each ends UNAVAILABLE); the session is only replaced.
    fresh.on('error', () => {});
    const forget = () => {
      if (this.session === fresh) this.session = undefined;
    };
    fresh.on('close', forget);
    fresh.on('goaway', forget);
    this.session = fresh;
    return fresh;
  }
}

/** A request message with gRPC's 5-byte prefix (uncompressed, 32-bit big-endian length). */
export function frame(message: Uint8Array): Buffer {
  const out = Buffer.allocUnsafe(5 + message.length);
  out[0] = 0;
  out.writeUInt32BE(message.length, 1);
  out.set(message, 5);
  return out;
}

/**
 * Splits gRPC's length-prefixed messages out of the chunks HTTP/2 delivers, handing each out
 * once all of it has arrived, with its full length. Of a message longer than `keepBytes` only
 * the first `keepBytes` bytes are kept and handed out; the rest is counted, not copied — the
 * generator peeks most large maps for their serial, which sits near the start. A message
 * inside one chunk is handed out as a view of it; one spread over chunks is copied once into
 * a buffer of the size kept.
 */
export class MessageSplitter {
  private readonly head = Buffer.alloc(5);
  private headFilled = 0;
  /** The kept part of the message being received; undefined between messages. */
  private body: Buffer | undefined;
  private bodyFilled = 0;
  /** The current message's full length, and how many of its bytes are still to come. */
  private length = 0;
  private rest = 0;

  constructor(
    private readonly onMessage: (kept: Uint8Array, length: number) => void,
    private readonly keepBytes = Infinity,
  ) {}

  /** True between messages (nothing partial held). */
  get idle(): boolean {
    return this.headFilled === 0 && this.body === undefined;
  }

  /** Throws on a compressed message (the server never compresses). */
  push(chunk: Uint8Array): void {
    let i = 0;
    while (i < chunk.length) {
      if (this.body === undefined) {
        let flag: number;
        let length: number;
        if (this.headFilled === 0 && chunk.length - i >= 5) {
          flag = chunk[i]!;
          length = ((chunk[i + 1]! << 24) >>> 0) + (chunk[i + 2]! << 16) + (chunk[i + 3]! << 8) + chunk[i + 4]!;
          i += 5;
        } else {
          const take = Math.min(5 - this.headFilled, chunk.length - i);
          this.head.set(chunk.subarray(i, i + take), this.headFilled);
          this.headFilled += take;
          i += take;
          if (this.headFilled < 5) return;
          this.headFilled = 0;
          flag = this.head[0]!;
          length = this.head.readUInt32BE(1);
        }
        if (flag !== 0) throw new Error('compressed gRPC message');
        const kept = Math.min(length, this.keepBytes);
        if (chunk.length - i >= length) {
          this.onMessage(new Uint8Array(chunk.buffer, chunk.byteOffset + i, kept), length);
          i += length;
          continue;
        }
        this.body = Buffer.allocUnsafe(kept);
        this.bodyFilled = 0;
        this.length = length;
        this.rest = length;
      }
      const take = Math.min(this.rest, chunk.length - i);
      const copy = Math.min(this.body.length - this.bodyFilled, take);
      if (copy > 0) {
        this.body.set(chunk.subarray(i, i + copy), this.bodyFilled);
        this.bodyFilled += copy;
      }
      i += take;
      this.rest -= take;
      if (this.rest === 0) {
        const done = this.body;
        this.body = undefined;
        this.onMessage(new Uint8Array(done.buffer, done.byteOffset, done.length), this.length);
      }
    }
  }
}

/** The status a response's headers or trailers carry; undefined when they carry none. */
export function statusOf(headers: IncomingHttpHeaders): CallStatus | undefined {
  const raw = headers['grpc-status'];
  if (raw === undefined) return undefined;
  const code = Number(raw) as status;
  const message = headers['grpc-message'];
  let details = typeof message === 'string' ? message : '';
  try {
    details = decodeURIComponent(details);
  } catch {
    // Left as sent: not valid percent-encoding.
  }
  return { code: Number.isInteger(code) ? code : status.UNKNOWN, details };
}

/**
 * One call's response side, with grpc-js's client stream events: `data` per message (its kept
 * bytes and its full length, see MessageSplitter), then `end` (status OK) or `error` with the
 * status; `cancel()` resets the stream and ends it CANCELLED at once.
 */
export class GrpcCall extends EventEmitter {
  private ended = false;
  private status: CallStatus | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly stream: ClientHttp2Stream | undefined,
    timeoutMs?: number,
    keepBytes = Infinity,
  ) {
    super();
    if (!stream) return;
    const splitter = new MessageSplitter((kept, length) => {
      if (!this.ended) this.emit('data', kept, length);
    }, keepBytes);
    stream.on('response', (headers) => {
      const httpStatus = headers[':status'];
      if (httpStatus !== 200) this.status ??= { code: status.UNKNOWN, details: `HTTP status ${httpStatus}` };
      else this.status ??= statusOf(headers);
    });
    stream.on('data', (chunk: Buffer) => {
      try {
        splitter.push(chunk);
      } catch (err) {
        this.finish({ code: status.INTERNAL, details: (err as Error).message }, constants.NGHTTP2_INTERNAL_ERROR);
      }
    });
    stream.on('trailers', (trailers) => {
      this.status ??= statusOf(trailers);
    });
    stream.on('error', (err: Error) => {
      this.status ??= { code: status.UNAVAILABLE, details: err.message };
    });
    stream.on('close', () => {
      const s = this.status ?? { code: status.UNAVAILABLE, details: `stream closed without a status (HTTP/2 code ${stream.rstCode})` };
      this.finish(s.code === status.OK && !splitter.idle ? { code: status.INTERNAL, details: 'stream ended inside a message' } : s);
    });
    if (timeoutMs !== undefined) {
      this.timer = setTimeout(() => this.finish({ code: status.DEADLINE_EXCEEDED, details: 'deadline exceeded' }, constants.NGHTTP2_CANCEL), timeoutMs);
    }
  }

  /** A call that never reached the wire; ends with `s` on the next turn. */
  static failed(s: CallStatus): GrpcCall {
    const call = new GrpcCall(undefined);
    process.nextTick(() => call.finish(s));
    return call;
  }

  cancel(): void {
    this.finish({ code: status.CANCELLED, details: 'Cancelled on client' }, constants.NGHTTP2_CANCEL);
  }

  private finish(s: CallStatus, reset?: number): void {
    if (this.ended) return;
    this.ended = true;
    clearTimeout(this.timer);
    if (reset !== undefined && this.stream && !this.stream.closed) this.stream.close(reset);
    if (s.code === status.OK) this.emit('end');
    else this.emit('error', s);
  }
}
