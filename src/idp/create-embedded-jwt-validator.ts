import type { AuthSettings } from '../config/config.js';
import type { Clock } from '../domain/clock.js';
import type { JwksSource } from '../identity/jwt/http-jwks-source.js';
import { JwtValidator, type JwtValidatorDeps } from '../identity/jwt/jwt-validator.js';
import { authAudiences } from '../identity/oidc/auth-audiences.js';

/**
 * The validator for the embedded provider's tokens: the settings derived from it (issuer,
 * audiences netbird-dashboard and netbird-cli, `sub`, refresh on) with keys read from the
 * store, as upstream reads Dex's storage (IDENTITY.md §2.2).
 */
export function createEmbeddedJwtValidator(auth: AuthSettings, keys: JwksSource, deps: { clock: Clock; log?: JwtValidatorDeps['log'] }): JwtValidator {
  const { http } = auth;
  return new JwtValidator(
    {
      issuer: http.authIssuer,
      audiences: authAudiences(auth),
      refreshEnabled: true,
      claimNames: { authAudience: http.authAudience, userIdClaim: http.authUserIdClaim },
    },
    { keys, clock: deps.clock, log: deps.log },
  );
}
