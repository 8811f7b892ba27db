import type { ActivityEventRepository, ActivityQuery } from '../../domain/activity/activity-log.js';
import { eventFromRow, eventToRow } from '../rows/event-row.js';
import type { DbHandle } from './db-handle.js';

/** Rows per insert statement (6 values each). */
const RECORD_CHUNK = 500;

/** The audit log on either engine: multi-row inserts of up to 500 events, newest-first pages. */
export function createEventRepository(db: DbHandle): ActivityEventRepository {
  const matching = (accountId: string, q: ActivityQuery) => {
    let query = db.selectFrom('audit_events').where('account_id', '=', accountId);
    if (q.activities !== undefined) query = q.activities.length === 0 ? query.where('activity', '=', -1) : query.where('activity', 'in', [...q.activities]);
    if (q.initiatorId !== undefined) query = query.where('initiator_id', '=', q.initiatorId);
    if (q.targetId !== undefined) query = query.where('target_id', '=', q.targetId);
    if (q.from !== undefined) query = query.where('timestamp', '>=', q.from);
    if (q.until !== undefined) query = query.where('timestamp', '<=', q.until);
    return query;
  };
  return {
    async record(events) {
      // In chunks: one statement may bind only so many values (SQLite's limit is 32,766), and a
      // group update or cleanup can record thousands of events at once.
      for (let i = 0; i < events.length; i += RECORD_CHUNK) {
        await db.insertInto('audit_events').values(events.slice(i, i + RECORD_CHUNK).map(eventToRow)).execute();
      }
    },
    async list(accountId, q) {
      let page = matching(accountId, q).selectAll().orderBy('id', 'desc');
      if (q.limit !== undefined) page = page.limit(q.limit);
      if (q.offset !== undefined && q.offset > 0) page = (q.limit === undefined ? page.limit(Number.MAX_SAFE_INTEGER) : page).offset(q.offset);
      const [rows, count] = await Promise.all([
        page.execute(),
        matching(accountId, q).select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { events: rows.map(eventFromRow), total: Number(count.n) };
    },
    async deleteOlderThan(cutoff) {
      const result = await db.deleteFrom('audit_events').where('timestamp', '<', cutoff).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
