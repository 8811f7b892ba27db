import type { DomainDeps } from '../domain-deps.js';
import { notFound } from '../errors.js';
import { bumpSerial } from '../map-relevant-changes.js';
import type { PeerMeta } from '../model.js';
import { transact } from '../transact.js';
import { applyPeerMeta, type MetaUpdate } from './apply-peer-meta.js';
import { checkPeerInputBounds } from './check-peer-input-bounds.js';
import { mergeMeta } from './merge-meta.js';

/**
 * Meta reported by Sync or SyncMeta. The common case (nothing new) is one indexed read and no
 * transaction. Otherwise the peer is re-read under its row lock, saved, and the serial bumped
 * (publishing `all`) when the change affects maps. NotFound for an unknown key; a meta over its
 * size limits → InvalidArgument, before anything is read.
 */
export async function syncPeerMeta(deps: DomainDeps, peerKey: string, meta: PeerMeta): Promise<MetaUpdate> {
  checkPeerInputBounds({ meta });
  const current = await deps.store.repos.peers.findByKey(peerKey);
  if (current === undefined) throw notFound('peer not found');
  if (!mergeMeta(current.meta, meta).changed) return { peer: current, changed: false, mapChanged: false };
  return transact(deps, async (tx) => {
    const stored = await tx.peers.findByKey(peerKey, true);
    if (stored === undefined) throw notFound('peer not found');
    const update = await applyPeerMeta(tx, stored, meta);
    if (update.changed) await tx.peers.update(update.peer);
    if (update.mapChanged) await bumpSerial(tx, stored.accountId, 'peer-meta-changed');
    return update;
  });
}
