import type { Group, NetworkResource, Policy, PolicyRule, RuleResource } from '../../domain/model.js';
import { toApiGroupMinimum, type ApiGroupMinimum } from './group.js';

export interface ApiResource {
  id: string;
  type: RuleResource['type'];
}

/** OpenAPI `PolicyRule` (note upstream's camelCase `sourceResource`/`destinationResource`). */
export interface ApiPolicyRule {
  id: string;
  name: string;
  description: string;
  enabled: boolean;
  action: PolicyRule['action'];
  bidirectional: boolean;
  protocol: PolicyRule['protocol'];
  ports?: string[];
  port_ranges?: { start: number; end: number }[];
  authorized_groups?: Record<string, string[]>;
  authorized_user?: string;
  sources: ApiGroupMinimum[];
  destinations: ApiGroupMinimum[];
  sourceResource?: ApiResource;
  destinationResource?: ApiResource;
}

/** OpenAPI `Policy`. */
export interface ApiPolicy {
  id: string;
  name: string;
  description: string;
  enabled: boolean;
  source_posture_checks: string[];
  rules: ApiPolicyRule[];
}

/** Group IDs as `GroupMinimum`s; IDs of groups that no longer exist are left out, as upstream does. */
function minimums(ids: readonly string[], byId: ReadonlyMap<string, Group>, resources: readonly NetworkResource[]): ApiGroupMinimum[] {
  return ids.flatMap((id) => {
    const g = byId.get(id);
    return g === undefined ? [] : [toApiGroupMinimum(g, resources)];
  });
}

const resource = (r: RuleResource | null): { id: string; type: RuleResource['type'] } | undefined =>
  r === null || r.id === '' ? undefined : { id: r.id, type: r.type };

function toApiRule(r: PolicyRule, byId: ReadonlyMap<string, Group>, resources: readonly NetworkResource[]): ApiPolicyRule {
  const src = resource(r.sourceResource);
  const dst = resource(r.destinationResource);
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    enabled: r.enabled,
    action: r.action,
    bidirectional: r.bidirectional,
    protocol: r.protocol,
    ...(r.ports.length > 0 ? { ports: [...r.ports] } : {}),
    ...(r.portRanges.length > 0 ? { port_ranges: r.portRanges.map((p) => ({ start: p.start, end: p.end })) } : {}),
    ...(Object.keys(r.authorizedGroups).length > 0
      ? { authorized_groups: Object.fromEntries(Object.entries(r.authorizedGroups).map(([g, users]) => [g, [...users]])) }
      : {}),
    ...(r.authorizedUser === '' ? {} : { authorized_user: r.authorizedUser }),
    sources: minimums(r.sources, byId, resources),
    destinations: minimums(r.destinations, byId, resources),
    ...(src === undefined ? {} : { sourceResource: src }),
    ...(dst === undefined ? {} : { destinationResource: dst }),
  };
}

/** `resources` gives the groups' `resources_count` (the account's network resources). */
export function toApiPolicy(policy: Policy, groups: readonly Group[], resources: readonly NetworkResource[] = []): ApiPolicy {
  const byId = new Map(groups.map((g) => [g.id, g]));
  return {
    id: policy.id,
    name: policy.name,
    description: policy.description,
    enabled: policy.enabled,
    source_posture_checks: [...policy.sourcePostureChecks],
    rules: policy.rules.map((r) => toApiRule(r, byId, resources)),
  };
}
