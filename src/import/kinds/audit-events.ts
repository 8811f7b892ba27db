/**
 * events.db: `events` (the audit log) and `deleted_users`. Events keep their activity number,
 * initiator and target IDs and meta as upstream stored them; a number this build does not know
 * is kept too (the API shows it as UNKNOWN_ACTIVITY, as upstream does). Timestamps keep
 * millisecond precision (Roost's), upstream writes nanoseconds. Upstream's own event IDs are not
 * kept: the target's audit log numbers its events itself (the planner writes them in upstream's
 * ID order, so an import into an empty store gives the same IDs when upstream's have no gaps).
 */
import type { ActivityEvent } from '../../domain/activity/activity-event.js';
import type { KindImporter } from '../kind-importer.js';
import { fail } from '../values/map-error.js';

/** One upstream event with its upstream ID, for ordering. */
export interface UpstreamEvent {
  readonly upstreamId: number;
  readonly event: ActivityEvent;
}

export const auditEventsImporter: KindImporter<UpstreamEvent> = {
  kind: 'audit events',
  table: 'events',
  columns: ['id', 'timestamp', 'activity', 'initiator_id', 'target_id', 'account_id', 'meta'],
  idOf: (r) => String(r.int('id')),
  map(r) {
    const meta = r.json('meta', {});
    if (meta === null || typeof meta !== 'object' || Array.isArray(meta)) fail('meta', 'not a JSON object');
    return {
      upstreamId: r.int('id'),
      event: {
        accountId: r.text('account_id'),
        activity: r.int('activity'),
        initiatorId: r.text('initiator_id'),
        targetId: r.text('target_id'),
        meta: meta as Record<string, unknown>,
        timestamp: r.time('timestamp'),
      },
    };
  },
};

/** A deleted user as upstream remembers it for the audit view (decrypted). */
export interface DeletedUser {
  readonly id: string;
  readonly email: string;
  readonly name: string;
}

/** Upstream's `enc_algo` values this build can read (AES-256-GCM with the store key). */
const ENC_ALGOS = ['GCM'];

export const deletedUsersImporter: KindImporter<DeletedUser> = {
  kind: 'deleted users',
  table: 'deleted_users',
  columns: ['id', 'email', 'name', 'enc_algo'],
  idOf: (r) => r.text('id'),
  map(r) {
    const algo = r.text('enc_algo');
    if (!ENC_ALGOS.includes(algo)) fail('enc_algo', `unknown encryption ${JSON.stringify(algo)}`);
    return { id: r.text('id'), email: r.decrypted('email'), name: r.decrypted('name') };
  },
};
