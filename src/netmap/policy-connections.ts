/**
 * Remote peers and firewall rules a receiver gets from policies (SEMANTICS.md §4.3, upstream
 * `GetPeerConnectionResources`), plus its SSH grants (§4.6). Uses the per-snapshot rule index.
 *
 * Output order is stable: rules by (policy ID, rule ID), then direction (in, out), then remote
 * peer key, then port; ACL peers by key. Computed once per class of receivers (ClassConnections).
 */
import type { AccountIndex } from './account-index.js';
import type { FirewallRule, RuleDirection } from './network-map.js';
import { type IndexedRule, firewallRulesOf, portVariant } from './indexed-rule.js';
import { firewallFeatures, nativeSshApplies } from './expand-rule-ports.js';
import { type PeerSet, lowerBound, mergeSorted } from './peer-set.js';
import { type ListCut, whole } from './list-cut.js';
import { type SshGrant, applyRuleSsh, newSshGrant } from './ssh-authorization.js';

export interface Connections {
  /** Indexes of the peers the receiver may connect to (incl. expired ones), ascending. */
  readonly acl: Int32Array;
  /** The class's rules minus those towards the receiver itself (list-cut.ts). */
  readonly firewallRules: ListCut<FirewallRule>;
  readonly ssh: SshGrant;
  /** The output of the receiver's class (see ClassConnections), shared: never mutate. */
  readonly shared: ClassConnections;
  /** The receiver's position in `shared.acl`, or -1 when it is not among its own remotes. */
  readonly selfAt: number;
}

/**
 * What the rules give every receiver that takes part in the same rules the same way (same side,
 * same port variant), with the receiver itself not yet left out: in an allow-all account that
 * is one value for all peers, with 50 groups one per group. Receivers then differ only by
 * leaving themselves out, so a map costs copies of shared arrays instead of a walk per remote.
 */
export interface ClassConnections {
  /** Ascending peer indexes. */
  readonly acl: Int32Array;
  readonly firewallRules: readonly FirewallRule[];
  /** Remote peer index of each firewall rule. */
  readonly ruleRemote: Int32Array;
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

/** The receiver's connections: its class's, minus itself where it is one of its own remotes. */
export function connectionsFor(index: AccountIndex, receiverIndex: number): Connections {
  const receiver = index.peers[receiverIndex]!;
  const features = firewallFeatures(receiver.meta.netbirdVersion);
  const ssh = newSshGrant();
  const participation: Participation[] = [];
  const key: string[] = [];
  index.rules.forEach((r, ruleIndex) => {
    const inSources = r.sources.has[receiverIndex] === 1;
    const inDestinations = r.destinations.has[receiverIndex] === 1;
    if (!inSources && !inDestinations) return;
    const variant = portVariant(features.portRanges, nativeSshApplies(r.rule, receiver, features));
    participation.push({ rule: r, inSources, inDestinations, variant });
    key.push(`${ruleIndex}.${inSources ? 1 : 0}${inDestinations ? 1 : 0}${variant}`);
    if (inDestinations) applyRuleSsh(ssh, r.rule, receiver, index.activeUsers());
  });
  const shared = index.classConnections(key.join(','), () => classConnections(index, participation));
  const at = lowerBound(shared.acl, receiverIndex);
  const selfAt = shared.acl[at] === receiverIndex ? at : -1;
  if (selfAt < 0) return { acl: shared.acl, firewallRules: whole(shared.firewallRules), ssh, shared, selfAt };
  const acl = new Int32Array(shared.acl.length - 1);
  acl.set(shared.acl.subarray(0, selfAt));
  acl.set(shared.acl.subarray(selfAt + 1), selfAt);
  return { acl, firewallRules: { list: shared.firewallRules, skip: rulePositionsOf(shared, receiverIndex) }, ssh, shared, selfAt };
}

/** Positions (ascending) of the class's rules whose remote is `peer`: what its map leaves out. */
export function rulePositionsOf(shared: Pick<ClassConnections, 'ruleRemote'>, peer: number): number[] {
  const out: number[] = [];
  for (let k = shared.ruleRemote.indexOf(peer); k >= 0; k = shared.ruleRemote.indexOf(peer, k + 1)) out.push(k);
  return out;
}

interface Participation {
  readonly rule: IndexedRule;
  readonly inSources: boolean;
  readonly inDestinations: boolean;
  readonly variant: number;
}

/** The rules' output for one class of receivers, in rule order, nobody left out. */
function classConnections(index: AccountIndex, participation: readonly Participation[]): ClassConnections {
  const inAcl = new Uint8Array(index.size);
  const acl: number[] = [];
  const rules: FirewallRule[] = [];
  const ruleRemote: number[] = [];
  const sharedSeen = new Map<string, Uint8Array>();

  const emit = (r: IndexedRule, direction: RuleDirection, remotes: Int32Array | null, variant: number): void => {
    if (remotes === null) return;
    const dirBit = direction === 'out' ? 1 : 0;
    let seen: Uint8Array | undefined;
    if (r.sharesDedupKey) {
      seen = sharedSeen.get(r.dedupKey);
      if (!seen) sharedSeen.set(r.dedupKey, (seen = new Uint8Array(index.size * 2)));
    }
    for (const i of remotes) {
      if (inAcl[i] === 0) {
        inAcl[i] = 1;
        acl.push(i);
      }
      if (seen) {
        if (seen[i * 2 + dirBit] === 1) continue;
        seen[i * 2 + dirBit] = 1;
      }
      for (const fr of firewallRulesOf(r, variant, direction, index.peers[i]!, i)) {
        rules.push(fr);
        ruleRemote.push(i);
      }
    }
  };

  for (const { rule: r, inSources, inDestinations, variant } of participation) {
    const [incoming, outgoing] = sidesFor(r, inSources, inDestinations);
    emit(r, 'in', remotesOf(incoming), variant);
    emit(r, 'out', remotesOf(outgoing), variant);
  }
  return { acl: Int32Array.from(acl).sort(), firewallRules: rules, ruleRemote: Int32Array.from(ruleRemote) };
}
