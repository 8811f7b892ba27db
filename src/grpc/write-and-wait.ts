import { RoostError } from '../domain/errors.js';

/** The part of a grpc-js server stream a write needs (ServerWritableStream fits). */
export interface WritableCall {
  write(bytes: Uint8Array, cb: (err?: Error | null) => void): boolean;
}

/**
 * Writes one message and resolves once grpc-js calls back for it, i.e. it has been handed to the
 * HTTP/2 stream, so a caller awaiting each write holds at most one message per stream in memory.
 * grpc-js never calls back for a cancelled call, so any of `signals` aborting rejects instead;
 * whichever comes first removes the others' hooks. (Listening to each signal costs less than
 * AbortSignal.any per write, which a reconnect storm pays thousands of times.)
 */
export function writeAndWait(call: WritableCall, bytes: Uint8Array, ...signals: AbortSignal[]): Promise<void> {
  if (signals.some((s) => s.aborted)) return Promise.reject(streamClosed());
  return new Promise((resolve, reject) => {
    const unhook = () => signals.forEach((s) => s.removeEventListener('abort', gone));
    const gone = () => {
      unhook();
      reject(streamClosed());
    };
    signals.forEach((s) => s.addEventListener('abort', gone, { once: true }));
    call.write(bytes, (err) => {
      unhook();
      if (err) reject(streamClosed(err));
      else resolve();
    });
  });
}

const streamClosed = (cause?: unknown) => new RoostError('Internal', 'stream closed', cause === undefined ? undefined : { cause });
