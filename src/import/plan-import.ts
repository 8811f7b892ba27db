/**
 * Reads an upstream store and maps every row to Roost's domain model, without writing
 * anything: the dry run prints this plan's report, a real run writes the plan only when no
 * row was left unmapped.
 */
import type { ActivityEvent } from '../domain/activity/activity-event.js';
import type { Account, DnsZone, Group, NameServerGroup, PersonalAccessToken, Peer, Policy, PolicyRule, PostureCheck, Route, SetupKey, User } from '../domain/model.js';
import { type ImportReport, emptyReport } from './import-report.js';
import type { MapContext } from './kind-importer.js';
import { accountsImporter } from './kinds/accounts.js';
import type { DeletedUser } from './kinds/audit-events.js';
import { dnsRecordsImporter, dnsZonesImporter } from './kinds/dns-zones.js';
import { type GroupMembership, groupPeersImporter, groupsImporter } from './kinds/groups.js';
import { nameServerGroupsImporter } from './kinds/nameserver-groups.js';
import { networkResourcesImporter, networkRoutersImporter, networksImporter } from './kinds/networks.js';
import { peersImporter } from './kinds/peers.js';
import { tokensImporter } from './kinds/personal-access-tokens.js';
import { policiesImporter, policyRulesImporter } from './kinds/policies.js';
import { postureChecksImporter } from './kinds/posture-checks.js';
import { routesImporter } from './kinds/routes.js';
import { setupKeysImporter } from './kinds/setup-keys.js';
import { usersImporter } from './kinds/users.js';
import { planAuditLog } from './plan-audit-log.js';
import { planDnsZones } from './plan-dns-zones.js';
import { type NetworksPart, planNetworks } from './plan-networks.js';
import type { UpstreamSource } from './source/upstream-source.js';
import { createTableMapper, NO_CONTEXT } from './table-mapper.js';
import { NOT_APPLICABLE, NOT_YET_SUPPORTED } from './upstream-tables.js';
import type { FieldDecryptor } from './values/field-decryptor.js';

/** Everything to write, in domain types. */
export interface ImportPlan extends NetworksPart {
  readonly accounts: Account[];
  readonly users: User[];
  readonly tokens: PersonalAccessToken[];
  readonly peers: Peer[];
  readonly groups: Group[];
  readonly postureChecks: PostureCheck[];
  readonly policies: Policy[];
  readonly routes: Route[];
  readonly nameServerGroups: NameServerGroup[];
  readonly setupKeys: SetupKey[];
  /** Zones with their records. */
  readonly dnsZones: DnsZone[];
  /** The audit log in upstream's ID order (empty without `--events`). */
  readonly events: ActivityEvent[];
  /** Decrypted, but not kept: Roost has no store for deleted users' names yet. */
  readonly deletedUsers: DeletedUser[];
  readonly report: ImportReport;
}

export interface PlanOptions {
  readonly source: UpstreamSource;
  /** The audit store (events.db), when given. */
  readonly events?: UpstreamSource;
  readonly decrypt: FieldDecryptor;
  readonly onProgress?: (message: string) => void;
}

const MAPPED_TABLES = [
  accountsImporter, usersImporter, tokensImporter, peersImporter, groupsImporter, groupPeersImporter,
  postureChecksImporter, policiesImporter, policyRulesImporter, routesImporter, nameServerGroupsImporter, setupKeysImporter,
  networksImporter, networkResourcesImporter, networkRoutersImporter, dnsZonesImporter, dnsRecordsImporter,
].map((k) => k.table);

export async function planImport(opts: PlanOptions): Promise<ImportPlan> {
  const { source } = opts;
  const report = emptyReport(source.description);
  const tables = new Set(await source.tables());
  const progress = opts.onProgress ?? (() => undefined);

  const mapTable = createTableMapper(source, report, opts.decrypt, progress);
  const accounts = await mapTable(accountsImporter, NO_CONTEXT);
  const accountIds = new Set(accounts.map((a) => a.id));
  const inAccount = (item: { accountId: string }) => (accountIds.has(item.accountId) ? undefined : `account ${item.accountId} is not in the store`);

  const users = await mapTable(usersImporter, NO_CONTEXT, inAccount);
  const userIds = new Set(users.map((u) => u.id));
  const tokens = await mapTable(tokensImporter, NO_CONTEXT, (t) => (userIds.has(t.userId) ? undefined : `user ${t.userId} is not in the store`));
  const peers = await mapTable(peersImporter, NO_CONTEXT, (p) => inAccount(p) ?? (p.userId === '' || userIds.has(p.userId) ? undefined : `user ${p.userId} is not in the store`));
  const peerIds = new Set(peers.map((p) => p.id));

  const memberships = await mapTable<GroupMembership>(groupPeersImporter, NO_CONTEXT, (m) => (peerIds.has(m.peerId) ? undefined : `peer ${m.peerId} is not in the store`));
  const rules = await mapTable<PolicyRule>(policyRulesImporter, NO_CONTEXT);
  const membersByGroup = groupBy(memberships, (m) => m.groupId);
  const rulesByPolicy = groupBy(rules, (r) => r.policyId);
  const ctx: MapContext = {
    membersOf: (groupId) => (membersByGroup.get(groupId) ?? []).map((m) => m.peerId),
    rulesOf: <R>(policyId: string) => [...(rulesByPolicy.get(policyId) ?? [])].sort((a, b) => (a.id < b.id ? -1 : 1)) as unknown as R[],
    groupsOfResource: () => [],
  };
  const imported = await mapTable(groupsImporter, ctx, (g) => inAccount(g.group));
  const groups = imported.map((g) => g.group);
  const groupIds = new Set(groups.map((g) => g.id));
  for (const m of memberships) if (!groupIds.has(m.groupId)) report.unmapped.push({ table: 'group_peers', rowId: `${m.groupId}/${m.peerId}`, reason: `group ${m.groupId} is not in the store` });
  const policies = await mapTable(policiesImporter, ctx, inAccount);
  const policyIds = new Set(policies.map((p) => p.id));
  for (const r of rules) if (!policyIds.has(r.policyId)) report.unmapped.push({ table: 'policy_rules', rowId: r.id, reason: `policy ${r.policyId} is not in the store` });

  const networkPart = await planNetworks(mapTable, report, { groups: imported, peerIds, inAccount });
  const dnsZones = await planDnsZones(mapTable, inAccount, groupIds);
  const audit = opts.events === undefined ? { events: [], deletedUsers: [] } : await planAuditLog(mapTable, report, opts.events, accountIds);

  const plan: ImportPlan = {
    accounts,
    users,
    tokens,
    peers,
    groups,
    postureChecks: await mapTable(postureChecksImporter, NO_CONTEXT, inAccount),
    policies,
    routes: await mapTable(routesImporter, NO_CONTEXT, inAccount),
    nameServerGroups: await mapTable(nameServerGroupsImporter, NO_CONTEXT, inAccount),
    setupKeys: await mapTable(setupKeysImporter, NO_CONTEXT, inAccount),
    ...networkPart,
    dnsZones,
    ...audit,
    report,
  };
  await reportOtherTables(source, tables, report);
  return plan;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const list = out.get(key(item));
    if (list === undefined) out.set(key(item), [item]);
    else list.push(item);
  }
  return out;
}

async function reportOtherTables(source: UpstreamSource, tables: Set<string>, report: ImportReport): Promise<void> {
  for (const table of [...tables].sort()) {
    if (MAPPED_TABLES.includes(table)) continue;
    const rows = await source.count(table);
    if (table in NOT_YET_SUPPORTED) {
      if (rows > 0) report.notYetSupported.push({ table, rows, reason: NOT_YET_SUPPORTED[table]! });
    } else if (table in NOT_APPLICABLE) {
      if (rows > 0) report.notApplicable.push({ table, rows, reason: NOT_APPLICABLE[table]! });
    } else if (rows > 0) {
      report.unmapped.push({ table, rowId: '*', reason: `unknown table with ${rows} row(s); this build does not know what it holds` });
    }
  }
}
