import type { Peer, PeerMeta } from '../model.js';
import type { Repositories } from '../ports/repositories.js';
import { mergeMeta } from './merge-meta.js';
import { metaChangeAffectsMaps } from './meta-change-affects-maps.js';
import { postureChecksApplyToPeer } from './posture-applies-to-peer.js';

export interface MetaUpdate {
  /** The peer with the merged meta (the stored object when nothing changed). */
  readonly peer: Peer;
  readonly changed: boolean;
  readonly mapChanged: boolean;
}

/**
 * Merges an incoming meta into the stored peer and decides whether maps are affected. The
 * account's policies and the peer's groups are read only when the cheap tests (version,
 * flags) do not already decide. Does not write.
 */
export async function applyPeerMeta(repos: Repositories, stored: Peer, incoming: PeerMeta): Promise<MetaUpdate> {
  const { meta, changed } = mergeMeta(stored.meta, incoming);
  if (!changed) return { peer: stored, changed: false, mapChanged: false };
  const peer = { ...stored, meta };
  if (metaChangeAffectsMaps(stored.meta, meta, false)) return { peer, changed, mapChanged: true };
  const [policies, groupIds] = await Promise.all([repos.policies.list(stored.accountId), repos.groups.groupIdsOfPeer(stored.accountId, stored.id)]);
  const postureApplies = postureChecksApplyToPeer(stored.id, groupIds, policies);
  return { peer, changed, mapChanged: metaChangeAffectsMaps(stored.meta, meta, postureApplies) };
}
