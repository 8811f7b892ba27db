import type { Millis } from '../model.js';

/**
 * Who started an action, as upstream writes it in `initiator_id`: a user's ID (PAT or JWT caller,
 * SSO login), a setup key's ID (a peer enrolled with it), or `SYSTEM_INITIATOR` for background jobs.
 */
export type InitiatorId = string;

/** Upstream's initiator ID for events no user caused (`activity.SystemInitiator`). */
export const SYSTEM_INITIATOR: InitiatorId = 'sys';

/**
 * One audit event as the domain records it. `meta` holds plain values (strings, numbers,
 * booleans, lists, null); the API shows each one as text the way upstream formats it.
 */
export interface ActivityEvent {
  readonly accountId: string;
  /** An `Activity` number (activity-codes.ts). */
  readonly activity: number;
  readonly initiatorId: InitiatorId;
  readonly targetId: string;
  readonly meta: Readonly<Record<string, unknown>>;
  readonly timestamp: Millis;
}

/** A recorded event: the store gives it an increasing numeric ID. */
export interface StoredActivityEvent extends ActivityEvent {
  readonly id: number;
}
