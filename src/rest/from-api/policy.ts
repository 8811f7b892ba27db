import { invalidArgument } from '../../domain/errors.js';
import type { RuleAction, RuleProtocol, RuleResource } from '../../domain/model.js';
import type { PolicyInput, RuleInput } from '../../domain/policies/policy-service.js';
import type { PolicyRequest, PolicyRuleRequest } from '../schemas/policy-request.js';
import type { ResourceRequest } from '../schemas/group-request.js';

const ACTIONS: ReadonlySet<string> = new Set<RuleAction>(['accept', 'drop']);
const PROTOCOLS: ReadonlySet<string> = new Set<RuleProtocol>(['all', 'tcp', 'udp', 'icmp', 'netbird-ssh']);
const RESOURCE_TYPES: ReadonlySet<string> = new Set<RuleResource['type']>(['peer', 'host', 'subnet', 'domain']);

export function parseRuleAction(action: string): RuleAction {
  if (!ACTIONS.has(action)) throw invalidArgument('unknown action type');
  return action as RuleAction;
}

export function parseRuleProtocol(protocol: string): RuleProtocol {
  if (!PROTOCOLS.has(protocol)) throw invalidArgument(`unknown protocol type: ${protocol}`);
  return protocol as RuleProtocol;
}

function toResource(r: ResourceRequest | undefined): RuleResource | null {
  if (r === undefined) return null;
  if (!RESOURCE_TYPES.has(r.type)) throw invalidArgument(`unknown resource type ${JSON.stringify(r.type)}`);
  return { id: r.id, type: r.type as RuleResource['type'] };
}

/** Upstream's handler checks: each side names groups or a resource — one, not both. */
function checkSides(r: PolicyRuleRequest): void {
  if (r.sources !== undefined && r.sourceResource !== undefined) throw invalidArgument('specify either sources or source resources, not both');
  if (r.destinations !== undefined && r.destinationResource !== undefined) {
    throw invalidArgument('specify either destinations or destination resources, not both');
  }
  if ((r.sources === undefined && r.sourceResource === undefined) || (r.destinations === undefined && r.destinationResource === undefined)) {
    throw invalidArgument('specify either sources or source resources and destinations or destination resources');
  }
  if ((r.ports ?? []).length > 0 && (r.port_ranges ?? []).length > 0) throw invalidArgument('specify either individual ports or port ranges, not both');
}

/** A rule body as domain input; `keepId` is false on create (rule IDs are always new then). */
export function toRuleInput(r: PolicyRuleRequest, keepId: boolean): RuleInput {
  checkSides(r);
  return {
    ...(keepId && r.id !== undefined ? { id: r.id } : {}),
    name: r.name,
    description: r.description ?? '',
    enabled: r.enabled,
    action: parseRuleAction(r.action),
    sources: r.sources ?? [],
    destinations: r.destinations ?? [],
    sourceResource: toResource(r.sourceResource),
    destinationResource: toResource(r.destinationResource),
    bidirectional: r.bidirectional,
    protocol: parseRuleProtocol(r.protocol),
    ports: r.ports ?? [],
    portRanges: (r.port_ranges ?? []).map((p) => ({ start: p.start, end: p.end })),
    authorizedGroups: r.authorized_groups ?? {},
    authorizedUser: r.authorized_user ?? '',
  };
}

export function toPolicyInput(body: PolicyRequest, isUpdate: boolean): PolicyInput {
  if (body.name === '') throw invalidArgument("policy name shouldn't be empty");
  const rules = body.rules ?? [];
  if (rules.length === 0) throw invalidArgument("policy rules shouldn't be empty");
  return {
    name: body.name,
    description: body.description ?? '',
    enabled: body.enabled,
    sourcePostureChecks: body.source_posture_checks ?? [],
    rules: rules.map((r) => toRuleInput(r, isUpdate)),
  };
}
