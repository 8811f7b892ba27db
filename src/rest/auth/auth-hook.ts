import type { FastifyRequest } from 'fastify';
import { unauthenticated } from '../../domain/errors.js';
import type { TokenService } from '../../domain/users/token-service.js';
import { isPreflight } from '../cors-headers.js';
import { setCaller } from './caller.js';
import { parseAuthorization } from './parse-authorization.js';

/**
 * An `onRequest` hook resolving `Authorization: Token <pat>` through the domain's token
 * identification (format, checksum, hash lookup, expiry). A missing or bad credential is
 * thrown as Unauthenticated (401); the error handler writes the body. A blocked user is
 * identified here and refused by each call's permission check, with upstream's wording.
 * CORS preflights are never authenticated (IDENTITY.md §3.1).
 */
export function createAuthHook(tokens: Pick<TokenService, 'identify'>): (request: FastifyRequest) => Promise<void> {
  return async (request) => {
    if (isPreflight(request.method, request.headers)) return;
    const plain = parseAuthorization(request.headers.authorization);
    if (plain === undefined) throw unauthenticated('no valid authentication provided');
    const { user, account } = await tokens.identify(plain);
    setCaller(request, { user, account });
  };
}
