import { setTimeout as sleep } from 'node:timers/promises';
import type { ActivityEventRepository } from '../domain/activity/activity-log.js';
import type { Clock } from '../domain/clock.js';
import type { JobLogger } from './run-account-job.js';

/** How often the audit log is pruned (an event lives at most this much past its retention). */
export const AUDIT_PRUNE_INTERVAL_MS = 3_600_000;

export interface AuditPruneDeps {
  readonly events: Pick<ActivityEventRepository, 'deleteOlderThan'>;
  readonly clock: Clock;
  readonly log: JobLogger;
  /** Events older than this are deleted; 0 keeps them forever (the job does nothing). */
  readonly retentionMs: number;
  /** Defaults to `AUDIT_PRUNE_INTERVAL_MS`. */
  readonly intervalMs?: number;
}

/** The cut-off of a prune at `now`: events stamped before it go; undefined when keeping forever. */
export function auditPruneCutoff(now: number, retentionMs: number): number | undefined {
  return retentionMs > 0 ? now - retentionMs : undefined;
}

/** One prune: deletes every account's events older than the retention; returns how many. */
export async function pruneAuditEvents(deps: Omit<AuditPruneDeps, 'intervalMs'>): Promise<number> {
  const cutoff = auditPruneCutoff(deps.clock.now(), deps.retentionMs);
  if (cutoff === undefined) return 0;
  const deleted = await deps.events.deleteOlderThan(cutoff);
  if (deleted > 0) deps.log.info({ job: 'audit-prune', deleted, before: new Date(cutoff).toISOString() }, `deleted ${deleted} audit event(s) past retention`);
  return deleted;
}

/**
 * Prunes at start and then every interval until `signal` aborts. A failed prune is logged and
 * tried again at the next interval. Records nothing itself (system housekeeping, as upstream).
 */
export async function runAuditPruneJob(deps: AuditPruneDeps, signal: AbortSignal): Promise<void> {
  if (deps.retentionMs <= 0) return;
  while (!signal.aborted) {
    try {
      await pruneAuditEvents(deps);
    } catch (err) {
      deps.log.warn({ err, job: 'audit-prune' }, 'audit prune failed; trying again at the next interval');
    }
    try {
      await sleep(deps.intervalMs ?? AUDIT_PRUNE_INTERVAL_MS, undefined, { signal });
    } catch {
      return; // aborted
    }
  }
}
