/** A Sync stream starting (connected) or ending (disconnected) for a peer. */
export interface ConnectionChange {
  readonly connected: boolean;
  /** When it happened: the stream start when connecting, the end when disconnecting. */
  readonly at: number;
  /** Public IP of the connection; kept as stored when absent. */
  readonly connectionIp?: string;
  /** Disconnects only: when the ending stream started. */
  readonly streamStart?: number;
}

/**
 * Upstream's guard against stale status writes, made safe across processes. A connect applies
 * unless something newer was written (stored lastSeen > at) — equal is allowed so a Sync in the
 * same millisecond as the registration still marks the peer connected — or when the peer is
 * stored disconnected: a peer that moved to another process may have its old stream's end
 * written there before its new stream's start is written here, and the start must still win
 * (one process writes a stream's start before its end, so no connect outlives its own stream's
 * end). A disconnect carrying its stream's start applies only when no newer stream has written
 * since (stored lastSeen ≤ streamStart). Replaced streams do not write at all
 * (sync/sync-service.ts), so ties cannot resurrect an old stream.
 */
export function shouldApplyConnectionChange(stored: { readonly lastSeen: number; readonly connected: boolean }, change: ConnectionChange): boolean {
  if (change.connected) return change.at >= stored.lastSeen || !stored.connected;
  return change.streamStart === undefined || stored.lastSeen <= change.streamStart;
}
