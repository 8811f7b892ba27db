/**
 * The audit-log part of a plan, from upstream's events.db: events in upstream's ID order (the
 * order Roost's log numbers them in), and the deleted users, decrypted so that a wrong key is
 * caught, then reported as not kept (Roost has no store for their names yet). Events of accounts
 * that are not in the store (upstream keeps a deleted account's events) are left out and counted.
 */
import type { ActivityEvent } from '../domain/activity/activity-event.js';
import type { ImportReport } from './import-report.js';
import { auditEventsImporter, type DeletedUser, deletedUsersImporter } from './kinds/audit-events.js';
import type { UpstreamSource } from './source/upstream-source.js';
import { type MapTable, NO_CONTEXT } from './table-mapper.js';

export interface AuditLogPart {
  readonly events: ActivityEvent[];
  readonly deletedUsers: DeletedUser[];
}

/** events.db tables that hold nothing to import. */
const BOOKKEEPING = ['sqlite_sequence'];

export async function planAuditLog(mapTable: MapTable, report: ImportReport, events: UpstreamSource, accountIds: ReadonlySet<string>): Promise<AuditLogPart> {
  const all = await mapTable(auditEventsImporter, NO_CONTEXT, undefined, events);
  // Upstream keeps the events of deleted accounts: nothing to attach them to, so they are left
  // out and counted (one line per account), not treated as damage.
  const mapped = all.filter((e) => accountIds.has(e.event.accountId));
  const orphans = new Map<string, number>();
  for (const e of all) if (!accountIds.has(e.event.accountId)) orphans.set(e.event.accountId, (orphans.get(e.event.accountId) ?? 0) + 1);
  for (const [account, n] of orphans) report.dropped.push({ table: 'events', rowId: '*', reason: `${n} event(s) of account ${account}, which is not in the store, left out` });
  if (orphans.size > 0) report.counts.set(auditEventsImporter.kind, mapped.length);
  const deletedUsers = await mapTable(deletedUsersImporter, NO_CONTEXT, undefined, events);
  for (const u of deletedUsers) {
    report.dropped.push({ table: 'deleted_users', rowId: u.id, reason: 'name and e-mail of a deleted user are not kept: events they started show empty initiator names' });
  }
  const known = [auditEventsImporter.table, deletedUsersImporter.table, ...BOOKKEEPING];
  for (const table of await events.tables()) if (!known.includes(table) && (await events.count(table)) > 0) {
    report.unmapped.push({ table: `events.db ${table}`, rowId: '*', reason: 'unknown table; this build does not know what it holds' });
  }
  return { events: mapped.sort((a, b) => a.upstreamId - b.upstreamId).map((e) => e.event), deletedUsers };
}
