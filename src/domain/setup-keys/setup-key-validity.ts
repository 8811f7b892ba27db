import type { SetupKey } from '../model.js';

/** One-off keys allow one use whatever `usageLimit` says; 0 means unlimited. */
export function effectiveUsageLimit(key: Pick<SetupKey, 'type' | 'usageLimit'>): number {
  return key.type === 'one-off' ? 1 : key.usageLimit;
}

export function isSetupKeyExpired(key: Pick<SetupKey, 'expiresAt'>, now: number): boolean {
  return key.expiresAt !== null && now > key.expiresAt;
}

export function isSetupKeyOverUsed(key: Pick<SetupKey, 'type' | 'usageLimit' | 'usedTimes'>): boolean {
  const limit = effectiveUsageLimit(key);
  return limit > 0 && key.usedTimes >= limit;
}

/** Upstream's IsValid: not revoked, not expired, not used up (SEMANTICS.md §1.6). */
export function isSetupKeyValid(key: Pick<SetupKey, 'revoked' | 'expiresAt' | 'type' | 'usageLimit' | 'usedTimes'>, now: number): boolean {
  return !key.revoked && !isSetupKeyExpired(key, now) && !isSetupKeyOverUsed(key);
}
