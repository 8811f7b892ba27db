/**
 * idp: the embedded OpenID provider (IDENTITY.md §1.5, §4) — oidc-provider configured as
 * upstream's embedded Dex (clients `netbird-dashboard` and `netbird-cli`, authorization code +
 * PKCE, device flow, refresh tokens, JWT access tokens for those two audiences, issuer under
 * `/oauth2`), its signing keys and records kept in the store so every process and every restart
 * shares them, local e-mail + password users (bcrypt, throttled), the first-owner setup, and
 * small server-rendered pages (views/).
 *
 * It must not decide anything about NetBird accounts or users — the account and owner appear
 * when the person first calls the API or logs a peer in (domain/users) — and must never log a
 * password, a token or a form body.
 */
export { EmbeddedIdp, type EmbeddedIdpDeps } from './embedded-idp.js';
export type { InstanceSetup } from './instance-setup.js';
export { encodeDexUserId, decodeDexUserId, LOCAL_CONNECTOR } from './dex-user-id.js';
export { createEmbeddedJwtValidator } from './create-embedded-jwt-validator.js';
export { giveOwnerLogin, ownerLoginProblem, passwordFromFile } from './owner-login.js';
