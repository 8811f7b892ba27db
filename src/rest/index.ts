/**
 * rest: the NetBird-compatible admin HTTP API (`/api/...`, upstream's OpenAPI shapes, error body
 * `{message, code}` for every refusal, Node's parser's included), authenticated with personal
 * access tokens or the IdP's JWTs (their users provisioned on first call), authorised per call
 * by upstream's role matrix (`identity/permissions`), scoped to the caller's account, with
 * upstream's allow-all CORS on its routes. Request bodies are checked against TypeBox schemas,
 * converted by `from-api/` into domain inputs, handed to the domain services, and the results
 * converted back by the pure `to-api/` functions.
 *
 * It must not write to the store or bump serials itself — every change goes through a domain
 * service, which bumps and notifies — and it must not listen: `createRestApp` only builds.
 */
export { createRestApp, type RestAppOptions } from './create-rest-app.js';
export type { InstanceSetupPort, JwtCheck, ResolveUser, RestDeps, RestLog, SnapshotSource, TokenHashLookup } from './rest-deps.js';
export { HTTP_STATUS_BY_KIND, type ApiErrorBody } from './errors.js';
