import { internal, invalidArgument, RoostError } from '../domain/errors.js';

/** Where a Login's JWT handling failed: checking the token, or finding/creating its user. */
export type JwtLoginStage = 'validate' | 'resolve';

/**
 * How a failed JWT step answers a Login (IDENTITY.md §2.6, §7.2): a token that does not
 * validate → InvalidArgument "invalid jwt token, err: …"; the allow-groups gate keeps its
 * PermissionDenied; an unreachable database stays Unavailable (clients retry); any other
 * provisioning failure → Internal "unable to fetch account with claims, err: …".
 */
export function jwtLoginError(stage: JwtLoginStage, err: unknown): RoostError {
  const e = RoostError.from(err);
  if (stage === 'validate') return invalidArgument(`invalid jwt token, err: ${e.message}`);
  if (e.kind === 'PermissionDenied' || e.kind === 'Unavailable') return e;
  return internal(`unable to fetch account with claims, err: ${e.message}`, e);
}
