import type { Peer } from '../model.js';

/** How long an ephemeral peer may stay disconnected before it is deleted (upstream: 10 min). */
export const EPHEMERAL_LIFETIME_MS = 10 * 60_000;

type EphemeralPeer = Pick<Peer, 'ephemeral' | 'connected' | 'lastSeen'>;

/**
 * When a disconnected ephemeral peer becomes due for deletion: `EPHEMERAL_LIFETIME_MS` after it
 * was last seen, but never before that long after `since` (when this process began watching) —
 * as upstream, peers already offline at start-up get the full lifetime to come back. Undefined
 * for connected and non-ephemeral peers.
 */
export function ephemeralDeadline(peer: EphemeralPeer, since: number): number | undefined {
  if (!peer.ephemeral || peer.connected) return undefined;
  return Math.max(peer.lastSeen, since) + EPHEMERAL_LIFETIME_MS;
}

/** Whether the ephemeral cleanup deletes the peer at `now` (see `ephemeralDeadline`). */
export function isEphemeralPeerDue(peer: EphemeralPeer, now: number, since: number): boolean {
  const deadline = ephemeralDeadline(peer, since);
  return deadline !== undefined && deadline <= now;
}
