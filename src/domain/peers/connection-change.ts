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
 * Upstream's guard against stale status writes. A connect applies only when strictly newer
 * than the stored lastSeen; a disconnect carrying its stream's start applies only when no
 * newer stream has written since (stored lastSeen ≤ streamStart).
 */
export function shouldApplyConnectionChange(storedLastSeen: number, change: ConnectionChange): boolean {
  if (change.connected) return change.at > storedLastSeen;
  return change.streamStart === undefined || storedLastSeen <= change.streamStart;
}
