/**
 * Enabled policy rules, prepared once per snapshot: both sides expanded to peer sets, the wire
 * protocol, the de-dup key, and a lazy cache of the firewall-rule values each (direction,
 * remote peer, port variant) produces, so maps for thousands of receivers share them.
 */
import type { Peer, Policy, PolicyRule, RuleResource } from '../domain/model.js';
import type { AccountIndex } from './account-index.js';
import type { FirewallProtocol, FirewallRule, RuleDirection } from './network-map.js';
import type { PeerSet } from './peer-set.js';
import { type PortSpec, expandRulePorts } from './expand-rule-ports.js';

export interface IndexedRule {
  readonly policy: Policy;
  readonly rule: PolicyRule;
  /** With the legacy fix-up: protocol `all` is always bidirectional. */
  readonly bidirectional: boolean;
  /** `netbird-ssh` becomes `tcp`; an empty protocol reads as `all`. */
  readonly protocol: FirewallProtocol;
  /** Upstream de-dup key minus the peer and direction: rule ID, protocol, action, ports. */
  readonly dedupKey: string;
  /** Another enabled rule has the same `dedupKey`, so rules must be de-duplicated across them. */
  readonly sharesDedupKey: boolean;
  readonly sources: PeerSet;
  readonly destinations: PeerSet;
  /** Port specs per variant (bit 0: port ranges supported, bit 1: native SSH applies). */
  readonly specs: (readonly PortSpec[] | undefined)[];
  /** Firewall rules per `variant * 2 + direction bit`, then per remote peer index. */
  readonly fwCache: (readonly FirewallRule[] | undefined)[][];
  /** Number of peers in the snapshot (sizes the caches). */
  readonly peerCount: number;
}

const byId = <T extends { id: string }>(a: T, b: T): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function isPeerResource(r: RuleResource | null): r is RuleResource {
  return r !== null && r.type === 'peer' && r.id !== '';
}

/** Enabled rules of enabled policies, policies and rules ordered by ID. */
export function indexRules(index: AccountIndex): IndexedRule[] {
  const out: Omit<IndexedRule, 'sharesDedupKey'>[] = [];
  const keyCount = new Map<string, number>();
  for (const policy of [...index.snapshot.policies].sort(byId)) {
    if (!policy.enabled) continue;
    for (const rule of [...policy.rules].sort(byId)) {
      if (!rule.enabled) continue;
      const raw = rule.protocol || 'all';
      const protocol: FirewallProtocol = raw === 'netbird-ssh' ? 'tcp' : raw;
      const dedupKey = [rule.id, protocol, rule.action, rule.ports.join(',')].join('\u0000');
      keyCount.set(dedupKey, (keyCount.get(dedupKey) ?? 0) + 1);
      out.push({
        policy,
        rule,
        bidirectional: rule.bidirectional || raw === 'all',
        protocol,
        dedupKey,
        sources: isPeerResource(rule.sourceResource)
          ? index.peerSide(rule.sourceResource.id)
          : index.groupSide(rule.sources, policy.sourcePostureChecks),
        destinations: isPeerResource(rule.destinationResource)
          ? index.peerSide(rule.destinationResource.id)
          : index.groupSide(rule.destinations, []),
        specs: [],
        fwCache: [],
        peerCount: index.size,
      });
    }
  }
  return out.map((r) => ({ ...r, sharesDedupKey: keyCount.get(r.dedupKey)! > 1 }));
}

/** Port variant of a receiver for a rule: bit 0 port ranges, bit 1 native SSH companion. */
export function portVariant(portRanges: boolean, nativeSsh: boolean): number {
  return (portRanges ? 1 : 0) | (nativeSsh ? 2 : 0);
}

/** The firewall rules one remote peer yields under this rule, direction and port variant. */
export function firewallRulesOf(
  r: IndexedRule,
  variant: number,
  direction: RuleDirection,
  remote: Peer,
  remoteIndex: number,
): readonly FirewallRule[] {
  const slot = variant * 2 + (direction === 'out' ? 1 : 0);
  const byPeer = (r.fwCache[slot] ??= new Array<readonly FirewallRule[] | undefined>(r.peerCount));
  let rules = byPeer[remoteIndex];
  if (rules === undefined) {
    const specs = (r.specs[variant] ??= expandRulePorts(r.rule, (variant & 1) === 1, (variant & 2) === 2));
    rules = specs.map((s) =>
      Object.freeze({
        peerIp: remote.ip,
        direction,
        action: r.rule.action,
        protocol: r.protocol,
        port: s.port,
        portRange: s.portRange,
        policyId: r.rule.id,
      }),
    );
    byPeer[remoteIndex] = Object.freeze(rules);
  }
  return rules;
}
