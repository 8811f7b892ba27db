import type { AuthSettings } from '../../config/config.js';
import type { SshJwtConfig } from '../../netmap/network-map.js';

/**
 * The JWTConfig sent with a peer's SSH settings (IDENTITY.md §2.7): issuer `AuthIssuer`, else
 * the origin of the device flow's token endpoint; audience `CLIAuthAudience`, else
 * `AuthAudience`; audiences `AuthAudience` plus `CLIAuthAudience` when it differs; keys at
 * `AuthKeysLocation`, else `<issuer>/.well-known/jwks.json`. Null — nothing sent — without an
 * `AuthAudience` or an issuer.
 */
export function sshJwtConfig(auth: Pick<AuthSettings, 'http' | 'deviceAuthorizationFlow'>): SshJwtConfig | null {
  const { authAudience, cliAuthAudience, authIssuer, authKeysLocation } = auth.http;
  const issuer = authIssuer || originOf(auth.deviceAuthorizationFlow?.providerConfig.tokenEndpoint ?? '');
  if (authAudience === '' || issuer === '') return null;
  return {
    issuer,
    audience: cliAuthAudience || authAudience,
    audiences: cliAuthAudience && cliAuthAudience !== authAudience ? [authAudience, cliAuthAudience] : [authAudience],
    keysLocation: authKeysLocation || `${issuer.replace(/\/+$/, '')}/.well-known/jwks.json`,
  };
}

/** `scheme://host/` of a URL; '' when it is not one. */
function originOf(url: string): string {
  if (url === '') return '';
  try {
    return `${new URL(url).origin}/`;
  } catch {
    return '';
  }
}
