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
 * Upstream's guard against stale status writes. A connect applies unless something newer was
 * written (stored lastSeen > at); equal is allowed so a Sync in the same millisecond as the
 * registration still marks the peer connected. A disconnect carrying its stream's start applies
 * only when no newer stream has written since (stored lastSeen ≤ streamStart). Replaced streams
 * do not write at all (sync/sync-service.ts), so ties cannot resurrect an old stream.
 */
export function shouldApplyConnectionChange(storedLastSeen: number, change: ConnectionChange): boolean {
  if (change.connected) return change.at >= storedLastSeen;
  return change.streamStart === undefined || storedLastSeen <= change.streamStart;
}
