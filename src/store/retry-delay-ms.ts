export interface RetrySchedule {
  readonly firstMs: number;
  readonly factor: number;
  readonly maxMs: number;
}

/** The start-up wait for the database: first pause, growth factor, ceiling. */
export const RETRY_DELAY: RetrySchedule = Object.freeze({ firstMs: 500, factor: 2, maxMs: 10_000 });

/**
 * How long to wait after failed attempt number `attempt` (1-based) before the next one:
 * 0.5 s, 1 s, 2 s, 4 s, 8 s, then 10 s for ever. Anything below 1 counts as the first attempt.
 */
export function retryDelayMs(attempt: number, schedule: RetrySchedule = RETRY_DELAY): number {
  const n = Number.isFinite(attempt) ? Math.max(1, Math.floor(attempt)) : attempt > 0 ? Infinity : 1;
  // Capped before the power can overflow to Infinity for a very long outage.
  const exponent = Math.min(n - 1, 64);
  return Math.min(schedule.maxMs, schedule.firstMs * schedule.factor ** exponent);
}
