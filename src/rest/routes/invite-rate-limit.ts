/** A token bucket: `burst` requests at once, refilled at `perMinute`. */
export interface BucketRule {
  readonly perMinute: number;
  readonly burst: number;
}

export interface Bucket {
  readonly tokens: number;
  readonly atMs: number;
}

/** Upstream's limit on the public invite endpoints, per client IP (IDENTITY.md §5.2). */
export const INVITE_PUBLIC_RULE: BucketRule = { perMinute: 10, burst: 5 };

/** Whether one more request passes, and the bucket after it. */
export function takeToken(bucket: Bucket | undefined, nowMs: number, rule: BucketRule): { allowed: boolean; bucket: Bucket } {
  const refilled = bucket === undefined ? rule.burst : Math.min(rule.burst, bucket.tokens + ((nowMs - bucket.atMs) * rule.perMinute) / 60_000);
  if (refilled < 1) return { allowed: false, bucket: { tokens: refilled, atMs: nowMs } };
  return { allowed: true, bucket: { tokens: refilled - 1, atMs: nowMs } };
}
