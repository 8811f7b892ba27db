/**
 * Remote peers and firewall rules a receiver gets from policies (SEMANTICS.md §4.3, upstream
 * `GetPeerConnectionResources`), plus its SSH grants (§4.6). Uses the per-snapshot rule index;
 * the work per receiver is proportional to what it receives.
 *
 * Output order is stable: rules by (policy ID, rule ID), then direction (in, out), then remote
 * peer key, then port; ACL peers by key.
 */
import type { AccountIndex } from './account-index.js';
import type { FirewallRule, RuleDirection } from './network-map.js';
import { type IndexedRule, firewallRulesOf, portVariant } from './indexed-rule.js';
import { firewallFeatures, nativeSshApplies } from './expand-rule-ports.js';
import { type PeerSet, mergeSorted } from './peer-set.js';
import { type SshGrant, applyRuleSsh, newSshGrant } from './ssh-authorization.js';

export interface Connections {
  /** Indexes of the peers the receiver may connect to (incl. expired ones), ascending. */
  readonly acl: Int32Array;
  readonly firewallRules: readonly FirewallRule[];
  readonly ssh: SshGrant;
}

/** Remotes of one direction: the union of the contributing sides. */
function remotesOf(sides: readonly PeerSet[]): Int32Array | null {
  if (sides.length === 0) return null;
  const [a, b] = sides as [PeerSet, PeerSet | undefined];
  return b === undefined || a === b ? a.list : mergeSorted(a.list, b.list);
}

/** Which sides feed the IN and OUT directions for a receiver in sources and/or destinations. */
function sidesFor(r: IndexedRule, inSources: boolean, inDestinations: boolean): [PeerSet[], PeerSet[]] {
  const incoming: PeerSet[] = [];
  const outgoing: PeerSet[] = [];
  if (inSources) {
    outgoing.push(r.destinations);
    if (r.bidirectional) incoming.push(r.destinations);
  }
  if (inDestinations) {
    incoming.push(r.sources);
    if (r.bidirectional) outgoing.push(r.sources);
  }
  return [incoming, outgoing];
}

export function connectionsFor(index: AccountIndex, receiverIndex: number): Connections {
  const receiver = index.peers[receiverIndex]!;
  const features = firewallFeatures(receiver.meta.netbirdVersion);
  const inAcl = new Uint8Array(index.size);
  const acl: number[] = [];
  const rules: FirewallRule[] = [];
  const sharedSeen = new Map<string, Uint8Array>();
  const ssh = newSshGrant();

  const emit = (r: IndexedRule, direction: RuleDirection, remotes: Int32Array | null, variant: number): void => {
    if (remotes === null) return;
    const dirBit = direction === 'out' ? 1 : 0;
    let seen: Uint8Array | undefined;
    if (r.sharesDedupKey) {
      seen = sharedSeen.get(r.dedupKey);
      if (!seen) sharedSeen.set(r.dedupKey, (seen = new Uint8Array(index.size * 2)));
    }
    for (const i of remotes) {
      if (i === receiverIndex) continue;
      if (inAcl[i] === 0) {
        inAcl[i] = 1;
        acl.push(i);
      }
      if (seen) {
        if (seen[i * 2 + dirBit] === 1) continue;
        seen[i * 2 + dirBit] = 1;
      }
      for (const fr of firewallRulesOf(r, variant, direction, index.peers[i]!, i)) rules.push(fr);
    }
  };

  for (const r of index.rules) {
    const inSources = r.sources.has[receiverIndex] === 1;
    const inDestinations = r.destinations.has[receiverIndex] === 1;
    if (!inSources && !inDestinations) continue;
    const variant = portVariant(features.portRanges, nativeSshApplies(r.rule, receiver, features));
    const [incoming, outgoing] = sidesFor(r, inSources, inDestinations);
    emit(r, 'in', remotesOf(incoming), variant);
    emit(r, 'out', remotesOf(outgoing), variant);
    if (inDestinations) applyRuleSsh(ssh, r.rule, receiver, index.activeUsers());
  }
  return { acl: Int32Array.from(acl).sort(), firewallRules: rules, ssh };
}
