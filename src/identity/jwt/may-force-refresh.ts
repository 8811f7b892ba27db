/** Least time between two JWKS fetches forced by unknown `kid`s (IDENTITY.md §2.2). */
export const FORCED_REFRESH_COOLDOWN_MS = 30_000;

/**
 * Whether a token whose `kid` is not in the key set may force a JWKS fetch: only with refresh
 * on, and only more than 30 s after the previous forced fetch, so tokens with made-up `kid`s
 * cannot turn the server into a load generator against the provider. The first forced fetch
 * after start is always allowed (IDENTITY.md §10).
 */
export function mayForceRefresh(s: { refreshEnabled: boolean; lastForcedAtMs: number | undefined; nowMs: number }): boolean {
  if (!s.refreshEnabled) return false;
  return s.lastForcedAtMs === undefined || s.nowMs - s.lastForcedAtMs > FORCED_REFRESH_COOLDOWN_MS;
}
