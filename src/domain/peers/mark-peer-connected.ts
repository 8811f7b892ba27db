import type { DomainDeps } from '../domain-deps.js';
import { notFound } from '../errors.js';
import type { PeerConnectionState, PeerConnectionValues, PeerRepository } from '../ports/repositories.js';
import { shouldApplyConnectionChange, type ConnectionChange } from './connection-change.js';

/** Lost compare-and-set races before giving up (another writer is clearly newer). */
const MAX_CAS_ATTEMPTS = 3;

function valuesFor(stored: PeerConnectionState, change: ConnectionChange): PeerConnectionValues {
  return { connected: change.connected, lastSeen: change.at, connectionIp: change.connectionIp ?? stored.connectionIp };
}

/**
 * Records a Sync stream's start or end, guarded by `shouldApplyConnectionChange`; the write is
 * a compare-and-set on lastSeen so a concurrent newer write is never overwritten. Connection
 * status is not map-relevant: no serial bump, nothing published. Returns whether it applied;
 * NotFound for an unknown key.
 */
export async function markPeerConnected(deps: DomainDeps, peerKey: string, change: ConnectionChange): Promise<boolean> {
  const applied = await applyConnectionChange(deps.store.repos.peers, peerKey, change);
  if (applied === undefined) throw notFound('peer not found');
  return applied;
}

/**
 * Many changes in one transaction, applied in order with the same guard (the batched status
 * writes behind Sync). Unknown keys — peers deleted meanwhile — are skipped.
 */
export async function markPeersConnected(deps: DomainDeps, items: readonly { readonly peerKey: string; readonly change: ConnectionChange }[]): Promise<void> {
  if (items.length === 0) return;
  await deps.store.withTx(async (repos) => {
    for (const { peerKey, change } of items) await applyConnectionChange(repos.peers, peerKey, change);
  });
}

/** Whether the change applied; undefined for an unknown key. */
async function applyConnectionChange(peers: Pick<PeerRepository, 'connectionByKey' | 'setConnection'>, peerKey: string, change: ConnectionChange): Promise<boolean | undefined> {
  for (let i = 0; i < MAX_CAS_ATTEMPTS; i++) {
    const stored = await peers.connectionByKey(peerKey);
    if (stored === undefined) return undefined;
    if (!shouldApplyConnectionChange(stored, change)) return false;
    if (await peers.setConnection(stored.id, stored.lastSeen, valuesFor(stored, change))) return true;
  }
  return false;
}
