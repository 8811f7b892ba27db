import type { Policy } from '../model.js';

/**
 * Whether any enabled policy with source posture checks counts the peer as a source: the peer
 * is in a source group of an enabled rule, or is the rule's source peer resource.
 */
export function postureChecksApplyToPeer(peerId: string, peerGroupIds: readonly string[], policies: readonly Policy[]): boolean {
  const groups = new Set(peerGroupIds);
  return policies.some(
    (p) =>
      p.enabled &&
      p.sourcePostureChecks.length > 0 &&
      p.rules.some(
        (r) => r.enabled && (r.sources.some((g) => groups.has(g)) || (r.sourceResource?.type === 'peer' && r.sourceResource.id === peerId)),
      ),
  );
}
