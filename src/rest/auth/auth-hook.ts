import type { FastifyRequest } from 'fastify';
import { unauthenticated } from '../../domain/errors.js';
import type { TokenService } from '../../domain/users/token-service.js';
import { setCaller } from './caller.js';
import { parseAuthorization } from './parse-authorization.js';

/**
 * An `onRequest` hook resolving `Authorization: Token <pat>` through the domain's token
 * authentication (format, checksum, hash lookup, expiry, blocked user). A missing or bad
 * credential is thrown as Unauthenticated (401); the error handler writes the body.
 */
export function createAuthHook(tokens: Pick<TokenService, 'authenticate'>): (request: FastifyRequest) => Promise<void> {
  return async (request) => {
    const plain = parseAuthorization(request.headers.authorization);
    if (plain === undefined) throw unauthenticated('no valid authentication provided');
    const { user, account } = await tokens.authenticate(plain);
    setCaller(request, { user, account });
  };
}
