import type { Policy, PolicyRule, PortRange, RuleAction, RuleProtocol, RuleResource } from '../../domain/model.js';
import type { PoliciesTable, PolicyRulesTable } from '../schema/database.js';
import { fromFlag, fromJson, fromJsonOrNull, toFlag, toJson } from './column-codec.js';

function ruleFromRow(r: PolicyRulesTable): PolicyRule {
  return {
    id: r.id,
    policyId: r.policy_id,
    name: r.name,
    description: r.description,
    enabled: fromFlag(r.enabled),
    action: r.action as RuleAction,
    sources: fromJson<string[]>(r.sources),
    destinations: fromJson<string[]>(r.destinations),
    sourceResource: fromJsonOrNull<RuleResource>(r.source_resource),
    destinationResource: fromJsonOrNull<RuleResource>(r.destination_resource),
    bidirectional: fromFlag(r.bidirectional),
    protocol: r.protocol as RuleProtocol,
    ports: fromJson<string[]>(r.ports),
    portRanges: fromJson<PortRange[]>(r.port_ranges),
    authorizedGroups: fromJson<Record<string, string[]>>(r.authorized_groups),
    authorizedUser: r.authorized_user,
  };
}

/** A policy from its row and its rules' rows (in any order; `position` orders them). */
export function policyFromRows(p: PoliciesTable, rules: readonly PolicyRulesTable[]): Policy {
  return {
    id: p.id,
    accountId: p.account_id,
    name: p.name,
    description: p.description,
    enabled: fromFlag(p.enabled),
    sourcePostureChecks: fromJson<string[]>(p.source_posture_checks),
    rules: [...rules].sort((a, b) => a.position - b.position).map(ruleFromRow),
  };
}

export function policyToRow(p: Policy): PoliciesTable {
  return {
    id: p.id,
    account_id: p.accountId,
    name: p.name,
    description: p.description,
    enabled: toFlag(p.enabled),
    source_posture_checks: toJson(p.sourcePostureChecks),
  };
}

export function ruleRowsOf(p: Policy): PolicyRulesTable[] {
  return p.rules.map((r, position) => ({
    id: r.id,
    policy_id: p.id,
    account_id: p.accountId,
    position,
    name: r.name,
    description: r.description,
    enabled: toFlag(r.enabled),
    action: r.action,
    sources: toJson(r.sources),
    destinations: toJson(r.destinations),
    source_resource: r.sourceResource === null ? null : toJson(r.sourceResource),
    destination_resource: r.destinationResource === null ? null : toJson(r.destinationResource),
    bidirectional: toFlag(r.bidirectional),
    protocol: r.protocol,
    ports: toJson(r.ports),
    port_ranges: toJson(r.portRanges),
    authorized_groups: toJson(r.authorizedGroups),
    authorized_user: r.authorizedUser,
  }));
}
