/** Keys are re-fetched when they expire within this margin (IDENTITY.md §2.2). */
export const KEY_EXPIRY_MARGIN_MS = 5_000;

/**
 * Whether to re-fetch the JWKS before a validation. With refresh on (upstream): unless the set
 * expires more than 5 s from now — without `max-age` that is every validation. With refresh off
 * upstream never re-fetches, so a failed start-up fetch breaks every token until a restart;
 * Roost fetches until the first success instead, then never again.
 */
export function shouldRefreshKeys(s: { refreshEnabled: boolean; loaded: boolean; expiresAtMs: number; nowMs: number }): boolean {
  if (!s.refreshEnabled) return !s.loaded;
  const stillValid = s.loaded && s.expiresAtMs !== 0 && s.nowMs + KEY_EXPIRY_MARGIN_MS < s.expiresAtMs;
  return !stillValid;
}
