import { Type } from '@fastify/type-provider-typebox';
import { authorize } from '../auth/authorize.js';
import { callerOf } from '../auth/caller.js';
import { toUserInput, toUserUpdate } from '../from-api/user.js';
import { EMPTY_OBJECT, type RestApp } from '../rest-app.js';
import type { RestDeps } from '../rest-deps.js';
import { UserCreateRequest, UserRequest } from '../schemas/user-requests.js';
import { toApiUser } from '../to-api/user.js';

const UserParams = Type.Object({ userId: Type.String() });
const UserListQuery = Type.Object({ service_user: Type.Optional(Type.String()) });

/** `?service_user=true|false` narrows the list; anything else leaves it whole, as upstream. */
export function parseServiceUserFilter(value: string | undefined): boolean | undefined {
  return value === 'true' ? true : value === 'false' ? false : undefined;
}

/** Users of the caller's account; a regular user sees only themself, another account's user is 404. */
export function registerUserRoutes(app: RestApp, deps: Pick<RestDeps, 'users'>): void {
  app.get('/users', { schema: { querystring: UserListQuery } }, async (req) => {
    const { user, account, access } = authorize(req, 'users', 'read');
    const serviceUser = parseServiceUserFilter(req.query.service_user);
    const users = access === 'all' ? await deps.users.list(account.id) : [await deps.users.get(account.id, user.id)];
    return users.filter((u) => serviceUser === undefined || u.isServiceUser === serviceUser).map((u) => toApiUser(u, user.id));
  });

  app.get('/users/current', async (req) => {
    const { user, account } = callerOf(req);
    return toApiUser(await deps.users.get(account.id, user.id), user.id);
  });

  app.post('/users', { schema: { body: UserCreateRequest } }, async (req) => {
    const { user, account } = authorize(req, 'users', 'write');
    return toApiUser(await deps.users.create(account.id, toUserInput(req.body)), user.id);
  });

  app.put('/users/:userId', { schema: { params: UserParams, body: UserRequest } }, async (req) => {
    const { user, account } = authorize(req, 'users', 'write');
    return toApiUser(await deps.users.update(account.id, req.params.userId, toUserUpdate(req.body)), user.id);
  });

  app.delete('/users/:userId', { schema: { params: UserParams } }, async (req) => {
    const { account } = authorize(req, 'users', 'write');
    await deps.users.delete(account.id, req.params.userId);
    return EMPTY_OBJECT;
  });
}
