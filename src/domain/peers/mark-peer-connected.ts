import type { DomainDeps } from '../domain-deps.js';
import { notFound } from '../errors.js';
import type { Peer } from '../model.js';
import type { PeerConnectionValues } from '../ports/repositories.js';
import { shouldApplyConnectionChange, type ConnectionChange } from './connection-change.js';

/** Lost compare-and-set races before giving up (another writer is clearly newer). */
const MAX_CAS_ATTEMPTS = 3;

function valuesFor(stored: Peer, change: ConnectionChange): PeerConnectionValues {
  return { connected: change.connected, lastSeen: change.at, connectionIp: change.connectionIp ?? stored.connectionIp };
}

/**
 * Records a Sync stream's start or end, guarded by `shouldApplyConnectionChange`; the write is
 * a compare-and-set on lastSeen so a concurrent newer write is never overwritten. Connection
 * status is not map-relevant: no serial bump, nothing published. Returns whether it applied;
 * NotFound for an unknown key.
 */
export async function markPeerConnected(deps: DomainDeps, peerKey: string, change: ConnectionChange): Promise<boolean> {
  const peers = deps.store.repos.peers;
  for (let i = 0; i < MAX_CAS_ATTEMPTS; i++) {
    const stored = await peers.findByKey(peerKey);
    if (stored === undefined) throw notFound('peer not found');
    if (!shouldApplyConnectionChange(stored.lastSeen, change)) return false;
    if (await peers.setConnection(stored.id, stored.lastSeen, valuesFor(stored, change))) return true;
  }
  return false;
}
