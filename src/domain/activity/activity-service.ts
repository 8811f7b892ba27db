import type { DomainDeps } from '../domain-deps.js';
import type { User } from '../model.js';
import type { StoredActivityEvent } from './activity-event.js';
import { activityText } from './activity-codes.js';
import type { ActivityQuery } from './activity-log.js';

/** An event as the audit API shows it: with who the initiator is and, for a user target, who that is. */
export interface AuditEntry {
  readonly event: StoredActivityEvent;
  readonly initiatorName: string;
  readonly initiatorEmail: string;
  /** The stored meta, plus `email` and `username` when the target is a user of the account. */
  readonly meta: Readonly<Record<string, unknown>>;
}

export interface AuditPage {
  readonly entries: AuditEntry[];
  readonly total: number;
}

/** A listing: the store's filters, plus a text search over what the API shows. */
export interface AuditQuery extends ActivityQuery {
  /** Case-insensitive substring of the code, message, initiator (ID, name, e-mail), target or a meta value. */
  readonly search?: string;
}

/** Upstream lists at most this many events, the newest. */
export const MAX_AUDIT_EVENTS = 10_000;

export interface ActivityService {
  /** One page of the account's events, newest first, with names read from the current users. */
  list(accountId: string, query: AuditQuery): Promise<AuditPage>;
}

/**
 * Resolves names at read time, as upstream does: the initiator's name and e-mail, and for events
 * about a user, that user's e-mail and name (a service user's name; no e-mail). A user deleted
 * since shows empty names (upstream keeps a copy of deleted users' names; Roost does not yet).
 */
export function auditEntry(event: StoredActivityEvent, users: ReadonlyMap<string, User>): AuditEntry {
  const initiator = users.get(event.initiatorId);
  const target = users.get(event.targetId);
  const meta = target === undefined ? event.meta : { ...event.meta, email: target.email, username: target.name };
  return { event, initiatorName: initiator?.name ?? '', initiatorEmail: initiator?.email ?? '', meta };
}

/** Whether `needle` (lower case) is in any text the API shows for the entry. */
export function entryMatches(entry: AuditEntry, needle: string): boolean {
  const { event } = entry;
  const text = activityText(event.activity);
  const fields = [text.code, text.message, event.initiatorId, entry.initiatorName, entry.initiatorEmail, event.targetId, ...Object.values(entry.meta).map((v) => String(v))];
  return fields.some((f) => f.toLowerCase().includes(needle));
}

export function createActivityService(deps: Pick<DomainDeps, 'store'>): ActivityService {
  const repos = deps.store.repos;
  return {
    async list(accountId, query) {
      const { search, offset = 0, limit = MAX_AUDIT_EVENTS, ...filters } = query;
      const storeQuery = search === undefined ? { ...filters, offset, limit } : { ...filters, limit: MAX_AUDIT_EVENTS };
      const [page, users] = await Promise.all([repos.activity.list(accountId, storeQuery), repos.users.list(accountId)]);
      const byId = new Map(users.map((u) => [u.id, u]));
      const entries = page.events.map((e) => auditEntry(e, byId));
      if (search === undefined) return { entries, total: page.total };
      const found = entries.filter((e) => entryMatches(e, search.toLowerCase()));
      return { entries: found.slice(offset, offset + limit), total: found.length };
    },
  };
}
