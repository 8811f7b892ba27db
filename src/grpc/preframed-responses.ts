import { BaseServerInterceptingCall } from '@grpc/grpc-js/build/src/server-interceptors.js';

/** Bytes gRPC puts before every message on the wire: compressed flag, then big-endian length. */
export const GRPC_PREFIX = 5;

const framedBuffers = new WeakSet<ArrayBuffer>();

/** `buffer` holds at most one message, at offset GRPC_PREFIX, with its prefix written before it. */
export function markFramedBuffer(buffer: ArrayBuffer): void {
  framedBuffers.add(buffer);
}

/**
 * The whole frame (prefix ‖ message) when `value` is a message laid out in a marked buffer and
 * its prefix matches it; otherwise undefined (the caller frames it by copying, as usual).
 */
export function framedView(value: unknown): Buffer | undefined {
  if (!(value instanceof Uint8Array) || value.byteOffset !== GRPC_PREFIX) return undefined;
  const buffer = value.buffer;
  if (!(buffer instanceof ArrayBuffer) || !framedBuffers.has(buffer)) return undefined;
  const prefix = new DataView(buffer, 0, GRPC_PREFIX);
  if (prefix.getUint8(0) !== 0 || prefix.getUint32(1) !== value.byteLength) return undefined;
  return Buffer.from(buffer, 0, GRPC_PREFIX + value.byteLength);
}

type SerializeMessage = (this: unknown, value: unknown) => Buffer;
let installed: boolean | undefined;

/**
 * Lets grpc-js send a message laid out with its prefix (FramePool) without copying it: its server
 * copies every response into a fresh frame (BaseServerInterceptingCall.serializeMessage), which for
 * a 1 MB map is a copy plus external memory per message — a quarter of a fan-out's CPU went to
 * the collector. Only marked messages take the shortcut (they are never compressed: grpc-js does
 * not compress responses); everything else goes through grpc-js's own method. grpc-js is pinned;
 * if a version lacks the method, nothing is changed and messages are copied as before
 * (preframed-responses.test.ts fails, so an upgrade cannot lose this silently). Returns whether
 * the shortcut is in place.
 */
export function installPreframedResponses(): boolean {
  if (installed !== undefined) return installed;
  const proto = BaseServerInterceptingCall?.prototype as unknown as { serializeMessage?: SerializeMessage } | undefined;
  const original = proto?.serializeMessage;
  if (!proto || typeof original !== 'function') return (installed = false);
  proto.serializeMessage = function serializeMessage(this: unknown, value: unknown): Buffer {
    return framedView(value) ?? original.call(this, value);
  };
  return (installed = true);
}
