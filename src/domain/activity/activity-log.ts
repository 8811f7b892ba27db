import type { ActivityEvent, StoredActivityEvent } from './activity-event.js';

/**
 * The port a mutation records its audit events through. It is bound to the mutation's own
 * transaction (`tx.activity`), so an event exists if and only if the change committed.
 * Recording never reads: it is one insert, and nothing on the Sync fast path calls it.
 */
export interface ActivityLog {
  record(events: readonly ActivityEvent[]): Promise<void>;
}

/** Which events a listing returns; every field optional. Newest first. */
export interface ActivityQuery {
  /** Only these activity numbers (an `activity_code` filter maps to its numbers). */
  readonly activities?: readonly number[];
  readonly initiatorId?: string;
  readonly targetId?: string;
  /** Inclusive lower bound, epoch ms. */
  readonly from?: number;
  /** Inclusive upper bound, epoch ms. */
  readonly until?: number;
  readonly offset?: number;
  readonly limit?: number;
}

/** What a listing returns: one page and how many events match in all. */
export interface ActivityPage {
  readonly events: StoredActivityEvent[];
  readonly total: number;
}

/** The store side of the audit log: recording, listing, pruning. */
export interface ActivityEventRepository extends ActivityLog {
  list(accountId: string, query: ActivityQuery): Promise<ActivityPage>;
  /** Deletes every event (of every account) older than `cutoff` epoch ms; returns how many. */
  deleteOlderThan(cutoff: number): Promise<number>;
}
