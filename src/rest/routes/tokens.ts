import { Type } from 'typebox';
import { permissionDenied } from '../../domain/errors.js';
import { checkTokenInput } from '../../domain/users/personal-access-tokens.js';
import { mayManageTokens } from '../auth/access.js';
import { authorize } from '../auth/authorize.js';
import type { Caller } from '../auth/caller.js';
import { EMPTY_OBJECT, type RestApp } from '../rest-app.js';
import type { RestDeps } from '../rest-deps.js';
import { PersonalAccessTokenRequest } from '../schemas/user-requests.js';
import { toApiGeneratedToken, toApiPersonalAccessToken } from '../to-api/personal-access-token.js';

const UserParams = Type.Object({ userId: Type.String() });
const TokenParams = Type.Object({ userId: Type.String(), tokenId: Type.String() });

/**
 * `/api/users/{userId}/tokens`: personal access tokens. Every operation needs the `pats`
 * grant (so role `user` has none), then upstream's target rule (your own tokens, or a
 * service user's when you are an owner or admin); another account's user is 404. The plain
 * token appears once, in the POST answer.
 */
export function registerTokenRoutes(app: RestApp, deps: Pick<RestDeps, 'users' | 'tokens'>): void {
  /** The target user must be in the account (else 404) and the caller allowed to manage their tokens (else 403). */
  const checkTarget = async (caller: Caller, userId: string): Promise<void> => {
    const target = await deps.users.get(caller.account.id, userId);
    if (!mayManageTokens(caller.user, target)) throw permissionDenied('admin role required to perform this action');
  };

  app.get('/users/:userId/tokens', { schema: { params: UserParams } }, async (req) => {
    const caller = authorize(req, 'pats', 'read');
    await checkTarget(caller, req.params.userId);
    return (await deps.tokens.list(caller.account.id, req.params.userId)).map(toApiPersonalAccessToken);
  });

  app.post('/users/:userId/tokens', { schema: { params: UserParams, body: PersonalAccessTokenRequest } }, async (req) => {
    const input = { name: req.body.name, expiresInDays: req.body.expires_in };
    // Upstream validates the request before the caller's rights.
    checkTokenInput(input);
    const caller = authorize(req, 'pats', 'create');
    await checkTarget(caller, req.params.userId);
    const created = await deps.tokens.create(caller.account.id, req.params.userId, input, caller.user.id);
    return toApiGeneratedToken(created.plainToken, created.token);
  });

  app.get('/users/:userId/tokens/:tokenId', { schema: { params: TokenParams } }, async (req) => {
    const caller = authorize(req, 'pats', 'read');
    await checkTarget(caller, req.params.userId);
    return toApiPersonalAccessToken(await deps.tokens.get(caller.account.id, req.params.userId, req.params.tokenId));
  });

  app.delete('/users/:userId/tokens/:tokenId', { schema: { params: TokenParams } }, async (req) => {
    const caller = authorize(req, 'pats', 'delete');
    await checkTarget(caller, req.params.userId);
    await deps.tokens.delete(caller.account.id, req.params.userId, req.params.tokenId, caller.user.id);
    return EMPTY_OBJECT;
  });
}
