import type { AuthSettings } from '../../config/config.js';

/**
 * The audiences a token may carry (IDENTITY.md §1.1, upstream's `GetAuthAudiences`):
 * `AuthAudience`, then `ExtraAuthAudience` and the device flow's `Audience` when set. The PKCE
 * audience and `CLIAuthAudience` are not accepted. An empty `AuthAudience` stays in the list,
 * as upstream keeps it, but never matches (see audienceAccepted).
 */
export function authAudiences(auth: Pick<AuthSettings, 'http' | 'deviceAuthorizationFlow'>): string[] {
  const out = [auth.http.authAudience];
  if (auth.http.extraAuthAudience !== '') out.push(auth.http.extraAuthAudience);
  const device = auth.deviceAuthorizationFlow?.providerConfig.audience ?? '';
  if (device !== '') out.push(device);
  return out;
}
