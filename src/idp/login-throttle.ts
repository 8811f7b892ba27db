/** Failed sign-ins remembered for one key (an e-mail or a client IP). */
export interface FailureRecord {
  /** Failures inside the current window. */
  readonly count: number;
  /** When the window's first failure happened (epoch ms). */
  readonly sinceMs: number;
}

export interface ThrottleRule {
  /** Failures allowed per window before attempts are refused. */
  readonly maxFailures: number;
  readonly windowMs: number;
}

/** 5 wrong passwords per e-mail, 20 per client IP, in 15 minutes (a person mistypes; a script guesses). */
export const EMAIL_RULE: ThrottleRule = { maxFailures: 5, windowMs: 15 * 60_000 };
export const IP_RULE: ThrottleRule = { maxFailures: 20, windowMs: 15 * 60_000 };

/**
 * Whether a sign-in attempt may be checked at all: refused (with how long to wait) once a key
 * reached its failures inside the window. Refused attempts are not counted, so waiting works.
 */
export function loginThrottle(record: FailureRecord | undefined, nowMs: number, rule: ThrottleRule): { allowed: true } | { allowed: false; retryAfterMs: number } {
  if (!record || nowMs - record.sinceMs >= rule.windowMs || record.count < rule.maxFailures) return { allowed: true };
  return { allowed: false, retryAfterMs: record.sinceMs + rule.windowMs - nowMs };
}

/** The record after one more failure at `nowMs` (a new window when the old one ended). */
export function recordFailure(record: FailureRecord | undefined, nowMs: number, rule: ThrottleRule): FailureRecord {
  if (!record || nowMs - record.sinceMs >= rule.windowMs) return { count: 1, sinceMs: nowMs };
  return { count: record.count + 1, sinceMs: record.sinceMs };
}
