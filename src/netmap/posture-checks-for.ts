/**
 * The posture checks that apply to a peer (SEMANTICS.md §4.11, upstream `getPeerPostureChecks`):
 * all checks of every enabled policy with source posture checks where the peer is in a source
 * group of an enabled rule. Sent to the client as Checks so it reports the files they need.
 */
import type { AccountSnapshot, PostureCheck } from '../domain/model.js';
import { internal } from '../domain/errors.js';
import type { ChecksConfig } from './network-map.js';
import { accountIndexFor } from './account-index.js';

/**
 * Checks for the peer, sorted by ID. Throws `Internal` when an applicable policy references a
 * source group or posture check that does not exist (upstream fails the whole Login/Sync).
 */
export function postureChecksFor(snapshot: AccountSnapshot, peerId: string): readonly PostureCheck[] {
  if (snapshot.postureChecks.length === 0) return [];
  const index = accountIndexFor(snapshot);
  const peerIndex = index.indexOf.get(peerId);
  const found = new Map<string, PostureCheck>();
  for (const policy of snapshot.policies) {
    if (!policy.enabled || policy.sourcePostureChecks.length === 0) continue;
    if (!inSourceGroups(index.groupById, policy.rules, peerId, peerIndex === undefined ? undefined : index.groupsOf[peerIndex])) continue;
    for (const id of policy.sourcePostureChecks) {
      const check = index.postureCheck(id);
      if (!check) throw internal(`failed to add policy posture checks: posture check ${id} not found`);
      found.set(id, check);
    }
  }
  return [...found.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Member of a source group of an enabled rule; an unknown group checked on the way throws. */
function inSourceGroups(
  groups: ReadonlyMap<string, unknown>,
  rules: AccountSnapshot['policies'][number]['rules'],
  peerId: string,
  peerGroups: ReadonlySet<string> | undefined,
): boolean {
  for (const rule of rules) {
    if (!rule.enabled) continue;
    for (const g of rule.sources) {
      if (!groups.has(g)) throw internal(`failed to check peer ${peerId} in policy source group: group ${g} not found`);
      if (peerGroups?.has(g)) return true;
    }
  }
  return false;
}

/** The Checks message content: only process checks contribute files (every non-empty path). */
export function toChecksConfig(check: PostureCheck): ChecksConfig {
  const files: string[] = [];
  for (const p of check.checks.processCheck?.processes ?? []) {
    for (const path of [p.linuxPath, p.macPath, p.windowsPath]) if (path !== '') files.push(path);
  }
  return { files };
}
