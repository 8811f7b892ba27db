import type { PeerMeta } from '../model.js';
import { flagsEqual, metaEqual } from './merge-meta.js';

/**
 * Whether replacing a peer's meta can change some network map: the version is every remote
 * peer's agentVersion (and drives port expansion, SSH and the DNS forwarder port), the flags
 * drive the peer's own SSH rules, and when posture checks apply to the peer any field may
 * flip a check.
 */
export function metaChangeAffectsMaps(old: PeerMeta, next: PeerMeta, postureApplies: boolean): boolean {
  if (metaEqual(old, next)) return false;
  return postureApplies || old.netbirdVersion !== next.netbirdVersion || !flagsEqual(old.flags, next.flags);
}
