import type { PingableSession } from './http2-session-of.js';

/**
 * Sends an HTTP/2 PING on `session` and resolves true once the peer acknowledges it: the peer's
 * HTTP/2 transport has then read every byte written before the PING (TCP delivers in order and
 * HTTP/2 frames are processed in order). Call it only after the writes it should confirm have
 * completed — Node completes a stream write once its DATA frames went to the socket, so the PING
 * cannot overtake them inside nghttp2's queue, where control frames jump ahead of DATA.
 * Resolves false — never rejects — when the session is gone or closing, the PING cannot be sent,
 * or any of `signals` aborts first.
 */
export function pingAcknowledged(session: PingableSession | undefined, ...signals: AbortSignal[]): Promise<boolean> {
  if (!session || session.closed || session.destroyed || signals.some((s) => s.aborted)) return Promise.resolve(false);
  return new Promise((resolve) => {
    let settled = false;
    const settle = (ok: boolean) => {
      if (settled) return;
      settled = true;
      signals.forEach((s) => s.removeEventListener('abort', gone));
      resolve(ok);
    };
    const gone = () => settle(false);
    signals.forEach((s) => s.addEventListener('abort', gone, { once: true }));
    try {
      // false = too many PINGs outstanding on this connection: not sent, so not confirmed.
      if (!session.ping((err) => settle(err === null || err === undefined))) settle(false);
    } catch {
      settle(false);
    }
  });
}
