/**
 * Reads an upstream store and maps every row to Roost's domain model, without writing
 * anything: the dry run prints this plan's report, a real run writes the plan only when no
 * row was left unmapped.
 */
import type { ActivityEvent } from '../domain/activity/activity-event.js';
import { recordConflict } from '../domain/dns-zones/check-dns-zone.js';
import type { Account, DnsZone, Group, NameServerGroup, NetworkResource, NetworkRouter, ResourceNetwork, PersonalAccessToken, Peer, Policy, PolicyRule, PostureCheck, Route, SetupKey, User } from '../domain/model.js';
import { type ImportReport, emptyReport } from './import-report.js';
import type { KindImporter, MapContext } from './kind-importer.js';
import { accountsImporter } from './kinds/accounts.js';
import { auditEventsImporter, type DeletedUser, deletedUsersImporter } from './kinds/audit-events.js';
import { dnsRecordsImporter, dnsZonesImporter } from './kinds/dns-zones.js';
import { type GroupMembership, groupPeersImporter, groupsImporter } from './kinds/groups.js';
import { networkResourcesImporter, networkRoutersImporter, networksImporter } from './kinds/networks.js';
import { nameServerGroupsImporter } from './kinds/nameserver-groups.js';
import { peersImporter } from './kinds/peers.js';
import { tokensImporter } from './kinds/personal-access-tokens.js';
import { policiesImporter, policyRulesImporter } from './kinds/policies.js';
import { postureChecksImporter } from './kinds/posture-checks.js';
import { routesImporter } from './kinds/routes.js';
import { setupKeysImporter } from './kinds/setup-keys.js';
import { usersImporter } from './kinds/users.js';
import { RowReader } from './row-reader.js';
import type { UpstreamSource } from './source/upstream-source.js';
import { NOT_APPLICABLE, NOT_YET_SUPPORTED } from './upstream-tables.js';
import type { FieldDecryptor } from './values/field-decryptor.js';
import { MapError } from './values/map-error.js';

/** Everything to write, in domain types. */
export interface ImportPlan {
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
  readonly networks: ResourceNetwork[];
  readonly networkResources: NetworkResource[];
  readonly networkRouters: NetworkRouter[];
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

  /** Maps one table with one kind; unmappable rows and unknown columns go to the report. */
  async function mapTable<T>(k: KindImporter<T>, ctx: MapContext, keep: (item: T) => string | undefined = () => undefined, from: UpstreamSource = source, present = tables): Promise<T[]> {
    if (!present.has(k.table)) {
      report.counts.set(k.kind, 0);
      return [];
    }
    const rows = await from.rows(k.table);
    const unknown = (await from.columns(k.table)).filter((c) => !k.columns.includes(c));
    const out: T[] = [];
    for (const raw of rows) {
      const r = new RowReader(raw, opts.decrypt, (reason) => report.dropped.push({ table: k.table, rowId: rowIdOf(k, r), reason }));
      const set = unknown.filter((c) => raw[c] !== null && raw[c] !== undefined && raw[c] !== '' && raw[c] !== 0 && raw[c] !== false);
      try {
        if (set.length > 0) throw new MapError(undefined, `unknown column(s) ${set.join(', ')} hold values this build cannot map`);
        const item = k.map(r, ctx);
        const problem = keep(item);
        if (problem !== undefined) throw new MapError(undefined, problem);
        out.push(item);
      } catch (err) {
        if (!(err instanceof MapError)) throw err;
        report.unmapped.push({ table: k.table, rowId: rowIdOf(k, r), reason: err.message });
      }
    }
    for (const c of unknown) if (!rows.some((raw) => raw[c] !== null && raw[c] !== undefined && raw[c] !== '' && raw[c] !== 0 && raw[c] !== false)) {
      report.dropped.push({ table: k.table, rowId: '*', reason: `unknown column ${c} is empty in every row; ignored` });
    }
    report.counts.set(k.kind, out.length);
    progress(`read ${k.table}: ${out.length} of ${rows.length} row(s) mapped`);
    return out;
  }

  const noCtx: MapContext = { membersOf: () => [], rulesOf: () => [], groupsOfResource: () => [] };
  const accounts = await mapTable(accountsImporter, noCtx);
  const accountIds = new Set(accounts.map((a) => a.id));
  const inAccount = (item: { accountId: string }) => (accountIds.has(item.accountId) ? undefined : `account ${item.accountId} is not in the store`);

  const users = await mapTable(usersImporter, noCtx, inAccount);
  const userIds = new Set(users.map((u) => u.id));
  const tokens = await mapTable(tokensImporter, noCtx, (t) => (userIds.has(t.userId) ? undefined : `user ${t.userId} is not in the store`));
  const peers = await mapTable(peersImporter, noCtx, (p) => inAccount(p) ?? (p.userId === '' || userIds.has(p.userId) ? undefined : `user ${p.userId} is not in the store`));
  const peerIds = new Set(peers.map((p) => p.id));

  const memberships = await mapTable<GroupMembership>(groupPeersImporter, noCtx, (m) => (peerIds.has(m.peerId) ? undefined : `peer ${m.peerId} is not in the store`));
  const rules = await mapTable<PolicyRule>(policyRulesImporter, noCtx);
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

  const networkPart = await planNetworks(imported, ctx, inAccount, groupIds, peerIds);
  const dnsZones = await planZones(inAccount, groupIds);
  const audit = opts.events === undefined ? { events: [], deletedUsers: [] } : await planEvents(opts.events, accountIds);

  const plan: ImportPlan = {
    accounts,
    users,
    tokens,
    peers,
    groups,
    postureChecks: await mapTable(postureChecksImporter, noCtx, inAccount),
    policies,
    routes: await mapTable(routesImporter, noCtx, inAccount),
    nameServerGroups: await mapTable(nameServerGroupsImporter, noCtx, inAccount),
    setupKeys: await mapTable(setupKeysImporter, noCtx, inAccount),
    ...networkPart,
    dnsZones,
    ...audit,
    report,
  };
  await reportOtherTables(source, tables, report);
  return plan;

  /** Networks, then resources (their groups from the groups' references), then routers. */
  async function planNetworks(imported: { group: Group; resources: readonly { id: string; type: string }[] }[], base: MapContext, inAcc: typeof inAccount, groupIds: Set<string>, peerIds: Set<string>) {
    const refs = new Map<string, { groupId: string; type: string }[]>();
    for (const g of imported) for (const res of g.resources) refs.set(res.id, [...(refs.get(res.id) ?? []), { groupId: g.group.id, type: res.type }]);
    const withRefs: MapContext = { ...base, groupsOfResource: (id) => refs.get(id) ?? [] };
    const networks = await mapTable(networksImporter, noCtx, inAcc);
    const networkIds = new Set(networks.map((n) => n.id));
    const inNetwork = (x: { accountId: string; networkId: string }) => inAcc(x) ?? (networkIds.has(x.networkId) ? undefined : `network ${x.networkId} is not in the store`);
    const networkResources = await mapTable(networkResourcesImporter, withRefs, inNetwork);
    const resourceIds = new Set(networkResources.map((r) => r.id));
    for (const [id, groups] of refs) if (!resourceIds.has(id)) for (const g of groups) report.unmapped.push({ table: 'groups', rowId: g.groupId, reason: `resources: network resource ${id} is not in the store` });
    const networkRouters = await mapTable(networkRoutersImporter, noCtx, (r) =>
      inNetwork(r) ??
      (r.peer !== '' && !peerIds.has(r.peer) ? `peer ${r.peer} is not in the store` : undefined) ??
      r.peerGroups.filter((g) => !groupIds.has(g)).map((g) => `group ${g} is not in the store`)[0],
    );
    return { networks, networkResources, networkRouters };
  }

  /** Zones, then records, each record checked against its zone's records as the API checks it. */
  async function planZones(inAcc: typeof inAccount, groupIds: Set<string>): Promise<DnsZone[]> {
    const zones = await mapTable(dnsZonesImporter, noCtx, (z) => inAcc(z) ?? z.distributionGroups.filter((g) => !groupIds.has(g)).map((g) => `group ${g} is not in the store`)[0]);
    const byId = new Map(zones.map((z) => [z.id, z]));
    await mapTable(dnsRecordsImporter, noCtx, (rec) => {
      const zone = byId.get(rec.zoneId);
      if (zone === undefined || zone.accountId !== rec.accountId) return `zone ${rec.zoneId} is not in the store`;
      const conflict = recordConflict(zone, rec);
      if (conflict !== null) return conflict.message;
      byId.set(zone.id, { ...zone, records: [...zone.records, rec] });
      return undefined;
    });
    return [...byId.values()].map((z) => ({ ...z, records: [...z.records].sort((a, b) => (a.id < b.id ? -1 : 1)) }));
  }

  /** events.db: the audit log in upstream's ID order; deleted users decrypted (and reported). */
  async function planEvents(events: UpstreamSource, accountIds: Set<string>) {
    const present = new Set(await events.tables());
    const mapped = await mapTable(auditEventsImporter, noCtx, (e) => (accountIds.has(e.event.accountId) ? undefined : `account ${e.event.accountId} is not in the store`), events, present);
    const deletedUsers = await mapTable(deletedUsersImporter, noCtx, undefined, events, present);
    for (const u of deletedUsers) report.dropped.push({ table: 'deleted_users', rowId: u.id, reason: 'name and e-mail of a deleted user are not kept: events they started show empty initiator names' });
    for (const table of present) if (!['events', 'deleted_users', 'sqlite_sequence'].includes(table) && (await events.count(table)) > 0) {
      report.unmapped.push({ table: `events.db ${table}`, rowId: '*', reason: 'unknown table; this build does not know what it holds' });
    }
    return { events: mapped.sort((a, b) => a.upstreamId - b.upstreamId).map((e) => e.event), deletedUsers };
  }
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

function rowIdOf<T>(k: KindImporter<T>, r: RowReader): string {
  try {
    return k.idOf(r) || '(no id)';
  } catch {
    return '(unreadable id)';
  }
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
