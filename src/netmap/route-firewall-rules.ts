/**
 * Firewall rules for traffic a routing peer forwards (SEMANTICS.md §4.8, upstream
 * `GetPeerRoutesFirewallRules`). A route without access-control groups is open to everyone;
 * otherwise each rule of a policy targeting an access-control group admits its source peers
 * that are also in the route's distribution groups.
 */
import type { Policy, PolicyRule } from '../domain/model.js';
import type { AccountIndex } from './account-index.js';
import type { FirewallProtocol, RouteFirewallRule } from './network-map.js';
import { type ServedRoute, isDynamicRoute } from './served-routes.js';

type RuleBase = Omit<RouteFirewallRule, 'port' | 'portRange'>;

/** Open rule(s): any IPv4 (or IPv6) source; dynamic routes also get an IPv6 twin. */
export function defaultPermitRules(served: ServedRoute): RouteFirewallRule[] {
  const r = served.route;
  const base: RouteFirewallRule = {
    sourceRanges: [r.network.includes(':') ? '::/0' : '0.0.0.0/0'],
    action: 'accept',
    destination: r.network,
    protocol: 'all',
    port: null,
    portRange: null,
    isDynamic: isDynamicRoute(r),
    domains: r.domains,
    policyId: '',
    routeId: served.id,
  };
  return base.isDynamic ? [base, { ...base, sourceRanges: ['::/0'] }] : [base];
}

/** One rule per port (invalid and repeated ones skipped), else per range, else one. */
export function expandRoutePorts(base: RuleBase, rule: Pick<PolicyRule, 'ports' | 'portRanges'>): RouteFirewallRule[] {
  if (rule.ports.length > 0) {
    const ports = new Set(rule.ports.filter((p) => /^[0-9]{1,5}$/.test(p) && Number(p) <= 65535).map(Number));
    return [...ports].map((port) => ({ ...base, port, portRange: null }));
  }
  if (rule.portRanges.length > 0) {
    const seen = new Set<string>();
    return rule.portRanges
      .filter((r) => !seen.has(`${r.start}-${r.end}`) && (seen.add(`${r.start}-${r.end}`), true))
      .map((r) => ({ ...base, port: null, portRange: { start: r.start, end: r.end } }));
  }
  return [{ ...base, port: null, portRange: null }];
}

/** Source peers of a rule admitted through a route: distributed, validated, posture-valid. */
function admittedSources(index: AccountIndex, policy: Policy, rule: PolicyRule, distribution: Uint8Array, receiverIndex: number): number[] {
  const ok = (i: number): boolean =>
    distribution[i] === 1 && index.validated[i] === 1 && index.postureValid(policy.sourcePostureChecks, i);
  const picked = new Set<number>();
  for (const g of rule.sources) {
    for (const i of index.groupMembers(g)) if (i !== receiverIndex && ok(i)) picked.add(i);
  }
  const res = rule.sourceResource;
  if (res && res.type === 'peer' && res.id !== '') {
    const i = index.indexOf.get(res.id);
    if (i !== undefined && ok(i)) picked.add(i);
  }
  return [...picked].sort((a, b) => a - b);
}

/** Enabled policies having a rule whose destinations contain the group, in policy ID order. */
function policiesTargeting(index: AccountIndex, groupId: string): Policy[] {
  const policies = new Set(index.rules.map((r) => r.policy));
  return [...policies].filter((p) => p.rules.some((r) => r.destinations.includes(groupId)));
}

function accessRules(index: AccountIndex, served: ServedRoute, receiverIndex: number): RouteFirewallRule[] {
  const route = served.route;
  const distribution = new Uint8Array(index.size);
  for (const g of route.groups) for (const i of index.groupMembers(g)) distribution[i] = 1;
  const out: RouteFirewallRule[] = [];
  for (const groupId of route.accessControlGroups) {
    if (!index.groupById.has(groupId)) continue;
    for (const policy of policiesTargeting(index, groupId)) {
      for (const rule of [...policy.rules].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
        if (!rule.enabled) continue;
        const sources = admittedSources(index, policy, rule, distribution, receiverIndex);
        const raw = rule.protocol || 'all';
        const protocol: FirewallProtocol = raw === 'netbird-ssh' ? 'tcp' : raw;
        const base: RuleBase = {
          sourceRanges: sources.map((i) => `${index.peers[i]!.ip}/32`),
          action: rule.action,
          destination: route.network,
          protocol,
          isDynamic: isDynamicRoute(route),
          domains: route.domains,
          policyId: rule.policyId,
          routeId: served.id,
        };
        out.push(...expandRoutePorts(base, rule));
      }
    }
  }
  return out;
}

/** Route firewall rules for the routes the receiver serves, in route ID order. */
export function routeFirewallRulesFor(index: AccountIndex, receiverIndex: number): RouteFirewallRule[] {
  const out: RouteFirewallRule[] = [];
  for (const served of index.servedRoutes()[receiverIndex]!.enabled) {
    if (served.route.accessControlGroups.length === 0) out.push(...defaultPermitRules(served));
    else out.push(...accessRules(index, served, receiverIndex));
  }
  return out;
}
