import type { Clock } from '../clock.js';
import { Activity, type ActivityName } from './activity-codes.js';
import type { InitiatorId } from './activity-event.js';
import type { ActivityLog } from './activity-log.js';

/** One event to record: the activity by name, who did it, to what, and what upstream shows in meta. */
export interface ActivityNote {
  readonly activity: ActivityName;
  readonly initiatorId: InitiatorId;
  readonly targetId: string;
  readonly meta?: Readonly<Record<string, unknown>>;
}

/**
 * Records `notes` of one account through the transaction's activity log, stamped with the clock.
 * Call it inside the mutation's `transact` callback, after the change is written: the events
 * then commit (or roll back) with it.
 */
export async function recordActivity(
  tx: { readonly activity: ActivityLog },
  clock: Clock,
  accountId: string,
  notes: readonly ActivityNote[],
): Promise<void> {
  if (notes.length === 0) return;
  const timestamp = clock.now();
  await tx.activity.record(
    notes.map((n) => ({ accountId, activity: Activity[n.activity], initiatorId: n.initiatorId, targetId: n.targetId, meta: n.meta ?? {}, timestamp })),
  );
}
