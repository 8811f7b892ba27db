import type { AuthSettings } from '../../config/config.js';
import type { Clock } from '../../domain/clock.js';
import { authAudiences } from '../oidc/auth-audiences.js';
import { httpJwksSource } from './http-jwks-source.js';
import { JwtValidator, type JwtValidatorDeps } from './jwt-validator.js';

/**
 * The validator the settings describe (after discovery): issuer, accepted audiences, keys from
 * `AuthKeysLocation`, refresh per `IdpSignKeyRefreshEnabled`, claim names from `AuthAudience`
 * and `AuthUserIDClaim`. Call `prime()` once at start.
 */
export function createJwtValidator(auth: AuthSettings, deps: { clock: Clock; fetch?: typeof globalThis.fetch; log?: JwtValidatorDeps['log'] }): JwtValidator {
  const { http } = auth;
  return new JwtValidator(
    {
      issuer: http.authIssuer,
      audiences: authAudiences(auth),
      refreshEnabled: http.idpSignKeyRefreshEnabled,
      claimNames: { authAudience: http.authAudience, userIdClaim: http.authUserIdClaim },
    },
    { keys: httpJwksSource(http.authKeysLocation, deps), clock: deps.clock, log: deps.log },
  );
}
