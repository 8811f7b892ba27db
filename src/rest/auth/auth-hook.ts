import type { FastifyRequest } from 'fastify';
import { unauthenticated } from '../../domain/errors.js';
import { isPreflight } from '../cors-headers.js';
import type { RestDeps } from '../rest-deps.js';
import { setCaller } from './caller.js';
import { identifyJwtUser } from './identify-jwt-user.js';
import { identifyPat } from './identify-pat.js';
import { isAuthBypassed } from './is-auth-bypassed.js';
import { parseAuthorization } from './parse-authorization.js';

export type AuthDeps = Pick<RestDeps, 'tokens' | 'tokenHashes' | 'jwt' | 'resolveUser' | 'users'>;

/**
 * An `onRequest` hook as upstream's auth middleware (IDENTITY.md §3.1): `Token <pat>` (or
 * `Bearer nbp_…`) and `Bearer <JWT>` resolve to the caller; anything else is 401 `no valid
 * authentication provided`. Refusals are thrown; the error handler writes the body. CORS
 * preflights and upstream's public paths are never authenticated. Blocked and pending users
 * are identified here and refused by each call's permission check, with upstream's wording.
 */
export function createAuthHook(deps: AuthDeps): (request: FastifyRequest) => Promise<void> {
  return async (request) => {
    if (isPreflight(request.method, request.headers) || isAuthBypassed(request.url)) return;
    const auth = parseAuthorization(request.headers.authorization);
    if (auth.kind === 'none') throw unauthenticated('no valid authentication provided');
    setCaller(request, auth.kind === 'pat' ? await identifyPat(deps, auth.credential) : await identifyJwtUser(deps, auth.credential));
  };
}
