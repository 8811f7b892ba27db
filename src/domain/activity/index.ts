/**
 * The audit log, domain side: upstream's activity codes, the event shape, the `ActivityLog` port
 * a mutation records through (bound to its transaction), and the meta builders each mutation
 * uses. It must not read or write anything itself, and nothing on the Sync path may call it:
 * a peer's Sync records no event.
 *
 * Adding an event for a new mutation kind: inside the mutation's `transact` callback, after the
 * write, call `recordActivity(tx, deps.clock, accountId, [{ activity: 'NetworkCreated',
 * initiatorId: by, targetId: network.id, meta: { name: network.name } }])`, with `by` the
 * initiator the service method received (REST passes the caller's user ID).
 */
export { Activity, ACTIVITY_TEXT, activityText, activitiesWithCode, type ActivityName, type ActivityText } from './activity-codes.js';
export { SYSTEM_INITIATOR, type ActivityEvent, type InitiatorId, type StoredActivityEvent } from './activity-event.js';
export type { ActivityEventRepository, ActivityLog, ActivityPage, ActivityQuery } from './activity-log.js';
export { recordActivity, type ActivityNote } from './record-activity.js';
