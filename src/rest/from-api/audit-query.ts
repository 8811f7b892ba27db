import { activitiesWithCode } from '../../domain/activity/activity-codes.js';
import { MAX_AUDIT_EVENTS, type AuditQuery } from '../../domain/activity/activity-service.js';
import { invalidArgument } from '../../domain/errors.js';

/** The query string of `GET /api/events/audit`, every parameter optional. */
export interface AuditQueryParams {
  page?: string;
  page_size?: string;
  activity_code?: string;
  initiator_id?: string;
  target_id?: string;
  start_date?: string;
  end_date?: string;
  search?: string;
}

function positiveInt(name: string, text: string, max: number): number {
  const n = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(n) || n < 1 || n > max) throw invalidArgument(`${name} must be a whole number from 1 to ${max}`);
  return n;
}

function date(name: string, text: string): number {
  const ms = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2}))?$/.test(text) ? Date.parse(text) : NaN;
  if (Number.isNaN(ms)) throw invalidArgument(`${name} must be an RFC 3339 date or time`);
  return ms;
}

/**
 * Upstream's handler takes no parameters and answers the newest 10,000 events; with none Roost
 * does the same. The optional filters narrow the list and `page`/`page_size` (1-based) cut it;
 * a malformed value is refused (InvalidArgument), never ignored. A date without time bounds the
 * whole day: `end_date=2026-01-31` includes that day.
 */
export function toAuditQuery(q: AuditQueryParams): AuditQuery {
  const out: { -readonly [K in keyof AuditQuery]: AuditQuery[K] } = {};
  if (q.activity_code !== undefined) {
    const activities = activitiesWithCode(q.activity_code);
    if (activities.length === 0) throw invalidArgument(`unknown activity_code ${JSON.stringify(q.activity_code)}`);
    out.activities = activities;
  }
  if (q.initiator_id !== undefined) out.initiatorId = q.initiator_id;
  if (q.target_id !== undefined) out.targetId = q.target_id;
  if (q.start_date !== undefined) out.from = date('start_date', q.start_date);
  if (q.end_date !== undefined) out.until = date('end_date', q.end_date) + (q.end_date.length === 10 ? 86_400_000 - 1 : 0);
  if (out.from !== undefined && out.until !== undefined && out.from > out.until) throw invalidArgument('start_date is after end_date');
  if (q.search !== undefined && q.search !== '') out.search = q.search;
  if (q.page !== undefined || q.page_size !== undefined) {
    const size = q.page_size === undefined ? 100 : positiveInt('page_size', q.page_size, MAX_AUDIT_EVENTS);
    const page = q.page === undefined ? 1 : positiveInt('page', q.page, Number.MAX_SAFE_INTEGER);
    out.limit = size;
    out.offset = (page - 1) * size;
  }
  return out;
}
