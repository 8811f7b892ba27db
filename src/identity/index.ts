/**
 * The identity module: who is calling. `oidc/` holds the start-up side of SSO — discovery of the
 * provider's issuer, JWKS and flow endpoints, and the audiences a token may carry; `jwt/`
 * validates OIDC tokens against the provider's keys (fetched, cached, refreshed on rotation) and
 * turns their claims into a plain `UserAuth`. gRPC Login and the REST middleware both call
 * `JwtValidator.validate(token)`, then hand the `UserAuth` to the domain's
 * `resolveUserFromAuth` (user/account provisioning and JWT groups live in `domain/users`).
 *
 * It must not touch the store or any transport: no database, no generated protobuf, no REST
 * types. Callers provision users and word errors for their edge; settings arrive from config,
 * time from an injected clock.
 */
export { authAudiences } from './oidc/auth-audiences.js';
export { applyDiscovery, type OidcDiscoveryDocument } from './oidc/apply-oidc-discovery.js';
export { runOidcDiscovery, fetchOidcDiscovery } from './oidc/run-oidc-discovery.js';
export { JwtValidator, type JwtValidatorOptions, type JwtValidatorDeps } from './jwt/jwt-validator.js';
export { createJwtValidator } from './jwt/create-jwt-validator.js';
export { jwtValidationConfigured } from './jwt/jwt-validation-configured.js';
export { httpJwksSource, type JwksSource, type FetchedKeys } from './jwt/http-jwks-source.js';
export { userAuthFromClaims, customClaimName, type UserAuth, type ClaimNames } from './jwt/user-auth-from-claims.js';
export { groupsFromClaims } from './jwt/groups-from-claims.js';
