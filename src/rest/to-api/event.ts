import { activityText } from '../../domain/activity/activity-codes.js';
import type { AuditEntry } from '../../domain/activity/activity-service.js';

/** Upstream's `Event` object of `GET /api/events/audit`. */
export interface ApiEvent {
  id: string;
  timestamp: string;
  activity: string;
  activity_code: string;
  initiator_id: string;
  initiator_name: string;
  initiator_email: string;
  target_id: string;
  meta: Record<string, string>;
}

/**
 * A meta value as text, the way upstream prints a JSON-decoded value with Go's `%v`: null is
 * `<nil>`, a list is `[a b]`, an object `map[k:v]`, booleans and numbers as written.
 */
export function goText(value: unknown): string {
  if (value === null || value === undefined) return '<nil>';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isInteger(value) && Math.abs(value) < 1e21 ? String(value) : goFloat(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Array.isArray(value)) return `[${value.map(goText).join(' ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `map[${entries.map(([k, v]) => `${k}:${goText(v)}`).join(' ')}]`;
  }
  return String(value);
}

/** Go's `%v` of a float64: shortest form, exponent from 1e21 up or below 1e-4. */
function goFloat(n: number): string {
  if (!Number.isFinite(n)) return Number.isNaN(n) ? 'NaN' : n > 0 ? '+Inf' : '-Inf';
  const abs = Math.abs(n);
  if (abs !== 0 && (abs < 1e-4 || abs >= 1e21)) return n.toExponential().replace(/e([+-])(\d)$/, 'e$10$2');
  return String(n);
}

/** RFC 3339 UTC with as many fraction digits as needed (Go's `time.Time` JSON, at ms precision). */
export function eventTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.000Z$/, 'Z').replace(/(\.\d*?)0+Z$/, '$1Z');
}

export function toApiEvent(entry: AuditEntry): ApiEvent {
  const { event } = entry;
  const text = activityText(event.activity);
  return {
    id: String(event.id),
    timestamp: eventTime(event.timestamp),
    activity: text.message,
    activity_code: text.code,
    initiator_id: event.initiatorId,
    initiator_name: entry.initiatorName,
    initiator_email: entry.initiatorEmail,
    target_id: event.targetId,
    meta: Object.fromEntries(Object.entries(entry.meta).map(([k, v]) => [k, goText(v)])),
  };
}
