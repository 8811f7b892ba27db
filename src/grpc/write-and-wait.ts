import { RoostError } from '../domain/errors.js';

/** The part of a grpc-js server stream a write needs (ServerWritableStream fits). */
export interface WritableCall {
  write(bytes: Uint8Array, cb: (err?: Error | null) => void): boolean;
}

/**
 * Writes one message and resolves once grpc-js calls back for it, i.e. it has been handed to the
 * HTTP/2 stream, so a caller awaiting each write holds at most one message per stream in memory.
 * grpc-js never calls back for a cancelled call, so the abort signal rejects instead; whichever
 * comes first removes the other's hook.
 */
export function writeAndWait(call: WritableCall, bytes: Uint8Array, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.reject(streamClosed());
  return new Promise((resolve, reject) => {
    const gone = () => reject(streamClosed());
    signal.addEventListener('abort', gone, { once: true });
    call.write(bytes, (err) => {
      signal.removeEventListener('abort', gone);
      if (err) reject(streamClosed(err));
      else resolve();
    });
  });
}

const streamClosed = (cause?: unknown) => new RoostError('Internal', 'stream closed', cause === undefined ? undefined : { cause });
