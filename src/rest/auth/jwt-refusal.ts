import { isRoostError } from '../../domain/errors.js';
import { tokenInvalid } from './token-invalid.js';

/**
 * What the REST edge answers when the JWT pipeline (validate → provision → groups gate →
 * re-read) throws: upstream answers every such failure 401 `token invalid` (IDENTITY.md §3.1),
 * the groups gate's PermissionDenied included. A database out of reach stays 503 and an
 * unexpected error stays a logged 500: neither says anything about the token.
 */
export function jwtRefusal(err: unknown): unknown {
  if (!isRoostError(err) || err.kind === 'Internal' || err.kind === 'Unavailable') return err;
  return tokenInvalid();
}
