import type { Clock } from '../domain/clock.js';
import type { ActivityKind, ActivitySource } from './peer-activity.js';

/** A background routine that looks at one account at a time. */
export interface AccountJob {
  /** For logs and observers. */
  readonly name: string;
  /** Whether activity of this kind can change what the job has to do for the account. */
  wants(kind: ActivityKind): boolean;
  /**
   * Applies what is due for the account at `now`; returns when to look again, or undefined
   * when nothing is pending (the next activity brings the account back).
   */
  look(accountId: string, now: number): Promise<number | undefined>;
}

export interface JobLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

/** One finished look, for tests and logs. */
export interface AccountLook {
  readonly job: string;
  readonly accountId: string;
  /** Clock time of the look. */
  readonly at: number;
  /** When the account is looked at again; undefined when only activity brings it back. */
  readonly next: number | undefined;
  readonly failed: boolean;
}

export interface AccountJobDeps {
  readonly clock: Clock;
  readonly activity: ActivitySource;
  readonly log: JobLogger;
  /** Accounts to look at once when the job starts. */
  readonly initialAccounts?: () => Promise<readonly string[]>;
  /**
   * Longest real-time wait before the clock is read again (default 60 s). Timers count
   * monotonic time while expiry is wall-clock time, so a long wait re-checks the clock rather
   * than trusting one timer across a clock step or a suspended VM; tests with a ManualClock
   * pass a few milliseconds.
   */
  readonly napMs?: number;
  /** Least time between looks that activity asks for (default ACTIVITY_LOOK_SPACING_MS). */
  readonly activitySpacingMs?: number;
  /** When a failed look is tried again (upstream's scheduler: 3 s). */
  readonly retryMs?: number;
  readonly onLook?: (look: AccountLook) => void;
}

/** A look is never scheduled sooner than this after the previous one (no busy loop). */
export const MIN_LOOK_INTERVAL_MS = 1_000;

/**
 * Activity brings an account's look forward, but not sooner than this after its previous look:
 * a look reads the whole account, and a registration or reconnect storm is one piece of
 * activity per peer — looking each time made every Login cost O(peers). A few seconds' delay
 * in re-planning an expiry is of no consequence.
 */
export const ACTIVITY_LOOK_SPACING_MS = 5_000;

/**
 * Runs `job` until `signal` aborts: each account is looked at when its time comes or when
 * activity concerning it arrives (several arrivals during a look make one more look). One timer
 * for all accounts; it and the activity subscription belong to `signal`. Resolves once the look
 * in progress, if any, has finished.
 */
export async function runAccountJob(job: AccountJob, deps: AccountJobDeps, signal: AbortSignal): Promise<void> {
  const due = new Map<string, number>();
  const lastLook = new Map<string, number>();
  const wakeup = new Wakeup();
  const poke = (accountId: string) => {
    const last = lastLook.get(accountId);
    const at = last === undefined ? Number.NEGATIVE_INFINITY : last + (deps.activitySpacingMs ?? ACTIVITY_LOOK_SPACING_MS);
    due.set(accountId, Math.min(due.get(accountId) ?? Number.POSITIVE_INFINITY, at));
    wakeup.ring();
  };
  const unsubscribe = deps.activity.subscribe((accountId, kind) => {
    if (job.wants(kind)) poke(accountId);
  });
  const onAbort = () => wakeup.ring();
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    const initial = await (deps.initialAccounts?.() ?? Promise.resolve([])).catch((err: unknown) => {
      deps.log.warn({ err, job: job.name }, 'background job could not list accounts at start');
      return [];
    });
    for (const id of initial) poke(id);
    while (!signal.aborted) {
      await lookAtDue(job, deps, due, lastLook, signal);
      if (signal.aborted) break;
      await wakeup.wait(waitMs(due, deps.clock.now(), deps.napMs ?? 60_000));
    }
  } finally {
    unsubscribe();
    signal.removeEventListener('abort', onAbort);
  }
}

/** Real-time wait until the soonest look (capped at `napMs`); Infinity when nothing is scheduled. */
function waitMs(due: ReadonlyMap<string, number>, now: number, napMs: number): number {
  let soonest = Number.POSITIVE_INFINITY;
  for (const at of due.values()) soonest = Math.min(soonest, at);
  if (soonest === Number.POSITIVE_INFINITY) return soonest;
  return Math.min(Math.max(soonest - now, 0), napMs);
}

async function lookAtDue(job: AccountJob, deps: AccountJobDeps, due: Map<string, number>, lastLook: Map<string, number>, signal: AbortSignal): Promise<void> {
  const t0 = performance.now();
  let looked = 0;
  let failures = 0;
  try {
    await lookAtEach(job, deps, due, lastLook, signal, (failed) => {
      looked++;
      if (failed) failures++;
    });
  } finally {
    // One line per run of the job (a pass over the accounts that were due), not per account.
    if (looked > 0) deps.log.info({ job: job.name, accounts: looked, failed: failures, ms: Math.round(performance.now() - t0) }, `${job.name}: ran over ${looked} account(s)${failures ? `, ${failures} failed` : ''}`);
  }
}

async function lookAtEach(job: AccountJob, deps: AccountJobDeps, due: Map<string, number>, lastLook: Map<string, number>, signal: AbortSignal, counted: (failed: boolean) => void): Promise<void> {
  for (const [accountId, at] of [...due]) {
    const now = deps.clock.now();
    if (signal.aborted) return;
    if (at > now) continue;
    due.delete(accountId);
    lastLook.set(accountId, now);
    let next: number | undefined;
    let failed = false;
    try {
      next = await job.look(accountId, now);
    } catch (err) {
      failed = true;
      deps.log.warn({ err, job: job.name, accountId }, `${job.name}: could not process the account; trying again`);
      next = now + (deps.retryMs ?? 3_000);
    }
    if (next !== undefined) next = Math.max(next, now + MIN_LOOK_INTERVAL_MS);
    deps.onLook?.({ job: job.name, accountId, at: now, next, failed });
    counted(failed);
    if (next === undefined) continue;
    // Activity during the look already asked for another one: keep the sooner.
    const poked = due.get(accountId);
    due.set(accountId, poked === undefined ? next : Math.min(poked, next));
  }
}

/** A wait that a ring ends early; a ring while nobody waits ends the next wait at once. */
class Wakeup {
  private rung = false;
  private wake: (() => void) | undefined;

  ring(): void {
    this.rung = true;
    this.wake?.();
  }

  wait(ms: number): Promise<void> {
    if (this.rung || ms <= 0) {
      this.rung = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      const done = () => {
        clearTimeout(timer);
        this.wake = undefined;
        this.rung = false;
        resolve();
      };
      if (Number.isFinite(ms)) timer = setTimeout(done, ms).unref();
      this.wake = done;
    });
  }
}
