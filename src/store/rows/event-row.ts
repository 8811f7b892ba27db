import type { ActivityEvent, StoredActivityEvent } from '../../domain/activity/activity-event.js';
import type { Insertable, Selectable } from 'kysely';
import type { AuditEventsTable } from '../schema/database.js';
import { fromJson, toJson } from './column-codec.js';

/** The columns an insert writes (the store assigns `id`). */
export function eventToRow(e: ActivityEvent): Insertable<AuditEventsTable> {
  return {
    account_id: e.accountId,
    timestamp: e.timestamp,
    activity: e.activity,
    initiator_id: e.initiatorId,
    target_id: e.targetId,
    meta: toJson(e.meta),
  };
}

/** A stored row back as a domain event; a meta that is not a JSON object reads as empty. */
export function eventFromRow(row: Selectable<AuditEventsTable>): StoredActivityEvent {
  const meta = fromJson<unknown>(row.meta);
  return {
    id: Number(row.id),
    accountId: row.account_id,
    timestamp: Number(row.timestamp),
    activity: Number(row.activity),
    initiatorId: row.initiator_id,
    targetId: row.target_id,
    meta: meta !== null && typeof meta === 'object' && !Array.isArray(meta) ? (meta as Record<string, unknown>) : {},
  };
}
