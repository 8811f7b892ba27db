import type { Peer } from '../domain/model.js';

/** `peers` with those in `expired` replaced by their expired form (what the store now holds). */
export function markExpired(peers: readonly Peer[], expired: readonly Peer[]): readonly Peer[] {
  if (expired.length === 0) return peers;
  const byId = new Map(expired.map((p) => [p.id, p]));
  return peers.map((p) => byId.get(p.id) ?? p);
}
