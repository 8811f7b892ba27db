/** `policies` + `policy_rules`: Go-named JSON lists, port ranges and resource references. */
import type { Policy, PolicyRule, PortRange, RuleAction, RuleProtocol, RuleResource } from '../../domain/model.js';
import type { KindImporter } from '../kind-importer.js';
import { int, knownObject, objectList, oneOf, str, stringList } from '../values/json-shapes.js';
import { fail } from '../values/map-error.js';

const PROTOCOLS: readonly RuleProtocol[] = ['all', 'tcp', 'udp', 'icmp', 'netbird-ssh'];
const ACTIONS: readonly RuleAction[] = ['accept', 'drop'];
const RESOURCE_TYPES: readonly RuleResource['type'][] = ['peer', 'host', 'subnet', 'domain'];

/** `{"ID":"","Type":""}` (unused) → null. */
export function ruleResource(column: string, v: unknown): RuleResource | null {
  if (v === null || v === undefined) return null;
  const o = knownObject(column, v, ['ID', 'Type']);
  const id = str(column, o, 'ID');
  const type = str(column, o, 'Type');
  if (id === '' && type === '') return null;
  return { id, type: oneOf(column, type, RESOURCE_TYPES) };
}

function portRanges(v: unknown): PortRange[] {
  return objectList('port_ranges', v, ['Start', 'End']).map((o) => {
    const range = { start: int('port_ranges', o, 'Start'), end: int('port_ranges', o, 'End') };
    if (range.start < 0 || range.end > 65535 || range.start > range.end) fail('port_ranges', `invalid range ${range.start}-${range.end}`);
    return range;
  });
}

function authorizedGroups(v: unknown): Record<string, string[]> {
  if (v === null || v === undefined) return {};
  if (typeof v !== 'object' || Array.isArray(v)) return fail('authorized_groups', 'expected an object of group → users');
  return Object.fromEntries(Object.entries(v).map(([g, users]) => [g, stringList('authorized_groups', users)]));
}

/** A rule with its policy's ID (upstream keeps no rule order; the planner sorts by ID). */
export const policyRulesImporter: KindImporter<PolicyRule> = {
  kind: 'policy rules',
  table: 'policy_rules',
  columns: [
    'id',
    'policy_id',
    'name',
    'description',
    'enabled',
    'action',
    'destinations',
    'destination_resource',
    'sources',
    'source_resource',
    'bidirectional',
    'protocol',
    'ports',
    'port_ranges',
    'authorized_groups',
    'authorized_user',
  ],
  idOf: (r) => r.text('id'),
  map: (r) => ({
    id: r.text('id'),
    policyId: r.text('policy_id'),
    name: r.text('name'),
    description: r.text('description'),
    enabled: r.flag('enabled'),
    action: oneOf('action', r.text('action'), ACTIONS),
    sources: stringList('sources', r.json('sources')),
    destinations: stringList('destinations', r.json('destinations')),
    sourceResource: ruleResource('source_resource', r.json('source_resource')),
    destinationResource: ruleResource('destination_resource', r.json('destination_resource')),
    bidirectional: r.flag('bidirectional'),
    protocol: oneOf('protocol', r.text('protocol'), PROTOCOLS),
    ports: stringList('ports', r.json('ports')),
    portRanges: portRanges(r.json('port_ranges')),
    authorizedGroups: authorizedGroups(r.json('authorized_groups')),
    authorizedUser: r.text('authorized_user'),
  }),
};

export const policiesImporter: KindImporter<Policy> = {
  kind: 'policies',
  table: 'policies',
  columns: ['id', 'account_id', 'name', 'description', 'enabled', 'source_posture_checks'],
  idOf: (r) => r.text('id'),
  map(r, ctx) {
    const id = r.text('id');
    return {
      id,
      accountId: r.text('account_id'),
      name: r.text('name'),
      description: r.text('description'),
      enabled: r.flag('enabled'),
      sourcePostureChecks: stringList('source_posture_checks', r.json('source_posture_checks')),
      rules: ctx.rulesOf<PolicyRule>(id),
    };
  },
};
