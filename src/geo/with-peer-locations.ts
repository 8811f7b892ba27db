import type { AccountSnapshot, PeerLocation } from '../domain/model.js';

/** What a snapshot needs from a geolocation database. */
export interface Geolocator {
  lookup(ip: string): PeerLocation | null;
}

/** Where snapshots come from (the store). */
interface SnapshotSource {
  loadAccountSnapshot(accountId: string): Promise<AccountSnapshot>;
}

/**
 * A snapshot source whose snapshots carry the location of every peer whose connection IP the
 * database knows (`peerLocations`) when the account has a geo posture check, so the network map
 * stays a pure function of the snapshot.
 */
export function withPeerLocations(source: SnapshotSource, geo: Geolocator): SnapshotSource {
  return {
    async loadAccountSnapshot(accountId) {
      const snapshot = await source.loadAccountSnapshot(accountId);
      // Only geo posture checks read locations: accounts without one pay nothing.
      if (!snapshot.postureChecks.some((c) => c.checks.geoLocationCheck !== undefined)) return snapshot;
      const peerLocations = new Map<string, PeerLocation>();
      for (const p of snapshot.peers) {
        const loc = p.connectionIp === '' ? null : geo.lookup(p.connectionIp);
        if (loc !== null) peerLocations.set(p.id, loc);
      }
      return { ...snapshot, peerLocations };
    },
  };
}
