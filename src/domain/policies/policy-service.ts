import type { DomainDeps } from '../domain-deps.js';
import { invalidArgument, notFound } from '../errors.js';
import { bumpSerial } from '../map-relevant-changes.js';
import type { Policy, PolicyRule, PortRange, RuleAction, RuleProtocol, RuleResource } from '../model.js';
import { transact, type DomainTx } from '../transact.js';
import { checkRule } from './check-rule.js';
import { normalizeRuleProtocol } from './normalize-rule.js';
import { SYSTEM_INITIATOR, type InitiatorId } from '../activity/activity-event.js';
import { recordActivity } from '../activity/record-activity.js';

export interface RuleInput {
  /** Kept on update when it names a rule of the policy; otherwise a new ID is issued. */
  readonly id?: string;
  readonly name: string;
  readonly description?: string;
  readonly enabled: boolean;
  readonly action: RuleAction;
  readonly sources?: readonly string[];
  readonly destinations?: readonly string[];
  readonly sourceResource?: RuleResource | null;
  readonly destinationResource?: RuleResource | null;
  readonly bidirectional: boolean;
  /** Empty means `all` (legacy). */
  readonly protocol: RuleProtocol | '';
  readonly ports?: readonly string[];
  readonly portRanges?: readonly PortRange[];
  readonly authorizedGroups?: Readonly<Record<string, readonly string[]>>;
  readonly authorizedUser?: string;
}

export interface PolicyInput {
  readonly name: string;
  readonly description?: string;
  readonly enabled: boolean;
  readonly sourcePostureChecks?: readonly string[];
  readonly rules: readonly RuleInput[];
}

export interface PolicyService {
  list(accountId: string): Promise<Policy[]>;
  get(accountId: string, id: string): Promise<Policy>;
  create(accountId: string, input: PolicyInput, by?: InitiatorId): Promise<Policy>;
  update(accountId: string, id: string, input: PolicyInput, by?: InitiatorId): Promise<Policy>;
  delete(accountId: string, id: string, by?: InitiatorId): Promise<void>;
}

function buildRule(input: RuleInput, policyId: string, id: string): PolicyRule {
  const rule: PolicyRule = {
    id,
    policyId,
    name: input.name,
    description: input.description ?? '',
    enabled: input.enabled,
    action: input.action,
    sources: [...(input.sources ?? [])],
    destinations: [...(input.destinations ?? [])],
    sourceResource: input.sourceResource ?? null,
    destinationResource: input.destinationResource ?? null,
    ports: [...(input.ports ?? [])],
    portRanges: [...(input.portRanges ?? [])],
    authorizedGroups: Object.fromEntries(Object.entries(input.authorizedGroups ?? {}).map(([g, users]) => [g, [...users]])),
    authorizedUser: input.authorizedUser ?? '',
    ...normalizeRuleProtocol(input.protocol, input.bidirectional),
  };
  checkRule(rule);
  return rule;
}

/** Every group, posture check, peer and network resource the policy names must exist in the account. */
async function checkReferences(tx: DomainTx, p: Policy, old?: Policy): Promise<void> {
  const [groups, checks, peers, resources] = await Promise.all([
    tx.groups.list(p.accountId),
    tx.postureChecks.list(p.accountId),
    tx.peers.list(p.accountId),
    tx.networkResources.list(p.accountId),
  ]);
  const groupIds = new Set(groups.map((g) => g.id));
  const peerIds = new Set(peers.map((x) => x.id));
  // A network resource deleted after the policy named it stays acceptable on update (it only
  // stops matching), so the policy can still be edited.
  const resourceIds = new Set([
    ...resources.map((x) => x.id),
    ...(old?.rules ?? []).flatMap((r) => [r.sourceResource, r.destinationResource].flatMap((x) => (x && x.type !== 'peer' ? [x.id] : []))),
  ]);
  for (const r of p.rules) {
    const named = [...r.sources, ...r.destinations, ...Object.keys(r.authorizedGroups)];
    const missing = named.find((g) => !groupIds.has(g));
    if (missing !== undefined) throw invalidArgument(`group ${missing} not found`);
    for (const res of [r.sourceResource, r.destinationResource]) {
      if (res?.type === 'peer' && !peerIds.has(res.id)) throw invalidArgument(`peer ${res.id} not found`);
      if (res && res.type !== 'peer' && !resourceIds.has(res.id)) throw invalidArgument(`network resource ${res.id} not found`);
    }
  }
  const checkIds = new Set(checks.map((c) => c.id));
  const missingCheck = p.sourcePostureChecks.find((c) => !checkIds.has(c));
  if (missingCheck !== undefined) throw invalidArgument(`posture check ${missingCheck} not found`);
}

function buildPolicy(deps: DomainDeps, accountId: string, id: string, input: PolicyInput, keepRuleIds: ReadonlySet<string>): Policy {
  if (input.name.trim() === '') throw invalidArgument('policy name must not be empty');
  if (input.rules.length === 0) throw invalidArgument('policy must have at least one rule');
  const rules = input.rules.map((r) => buildRule(r, id, r.id !== undefined && keepRuleIds.has(r.id) ? r.id : deps.ids.next()));
  return {
    id,
    accountId,
    name: input.name,
    description: input.description ?? '',
    enabled: input.enabled,
    sourcePostureChecks: [...new Set(input.sourcePostureChecks ?? [])],
    rules,
  };
}

export function createPolicyService(deps: DomainDeps): PolicyService {
  const repos = deps.store.repos;
  const mustGet = async (tx: DomainTx, accountId: string, id: string): Promise<Policy> => {
    const p = await tx.policies.get(accountId, id);
    if (p === undefined) throw notFound(`policy ${id} not found`);
    return p;
  };
  return {
    list: (accountId) => repos.policies.list(accountId),
    async get(accountId, id) {
      const p = await repos.policies.get(accountId, id);
      if (p === undefined) throw notFound(`policy ${id} not found`);
      return p;
    },
    create: (accountId, input, by = SYSTEM_INITIATOR) =>
      transact(deps, async (tx) => {
        const policy = buildPolicy(deps, accountId, deps.ids.next(), input, new Set());
        await checkReferences(tx, policy);
        await tx.policies.insert(policy);
        await bumpSerial(tx, accountId, 'policy-created');
        await recordActivity(tx, deps.clock, accountId, [{ activity: 'PolicyAdded', initiatorId: by, targetId: policy.id, meta: { name: policy.name } }]);
        return policy;
      }),
    update: (accountId, id, input, by = SYSTEM_INITIATOR) =>
      transact(deps, async (tx) => {
        const old = await mustGet(tx, accountId, id);
        const policy = buildPolicy(deps, accountId, id, input, new Set(old.rules.map((r) => r.id)));
        await checkReferences(tx, policy, old);
        await tx.policies.update(policy);
        await bumpSerial(tx, accountId, 'policy-updated');
        await recordActivity(tx, deps.clock, accountId, [{ activity: 'PolicyUpdated', initiatorId: by, targetId: policy.id, meta: { name: policy.name } }]);
        return policy;
      }),
    delete: (accountId, id, by = SYSTEM_INITIATOR) =>
      transact(deps, async (tx) => {
        const policy = await mustGet(tx, accountId, id);
        await tx.policies.delete(accountId, id);
        await bumpSerial(tx, accountId, 'policy-deleted');
        await recordActivity(tx, deps.clock, accountId, [{ activity: 'PolicyRemoved', initiatorId: by, targetId: id, meta: { name: policy.name } }]);
      }),
  };
}
