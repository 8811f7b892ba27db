import { Type } from 'typebox';
import { invalidArgument, permissionDenied, preconditionFailed } from '../../domain/errors.js';
import { userPermissions } from '../../identity/permissions/index.js';
import { authorize, authorizeRead } from '../auth/authorize.js';
import { callerOf } from '../auth/caller.js';
import { toUserInput, toUserUpdate } from '../from-api/user.js';
import { EMPTY_OBJECT, type RestApp } from '../rest-app.js';
import type { RestDeps } from '../rest-deps.js';
import { PasswordChangeRequest, UserCreateRequest, UserRequest } from '../schemas/user-requests.js';
import { registerUserInviteRoutes } from './user-invites.js';
import { toApiCurrentUser, toApiUser } from '../to-api/user.js';

const UserParams = Type.Object({ userId: Type.String() });
const UserListQuery = Type.Object({ service_user: Type.Optional(Type.String()) });

/** `?service_user=true|false` narrows the list; anything else leaves it whole, as upstream. */
export function parseServiceUserFilter(value: string | undefined): boolean | undefined {
  return value === 'true' ? true : value === 'false' ? false : undefined;
}

/**
 * Users of the caller's account. Without `users.read` one sees only oneself; changes need
 * `users.create` (upstream checks updates against it too) or `users.delete`, and follow
 * upstream's rules for one user changing another (the user service's). Another account's
 * user is 404.
 */
export function registerUserRoutes(app: RestApp, deps: Pick<RestDeps, 'users' | 'embeddedUsers' | 'clock'>): void {
  registerUserInviteRoutes(app, deps);

  app.get('/users', { schema: { querystring: UserListQuery } }, async (req) => {
    const { user, account, access } = authorizeRead(req, 'users');
    const serviceUser = parseServiceUserFilter(req.query.service_user);
    const users = access === 'all' ? await deps.users.list(account.id) : [await deps.users.get(account.id, user.id)];
    return users.filter((u) => serviceUser === undefined || u.isServiceUser === serviceUser).map((u) => toApiUser(u, user.id));
  });

  // Upstream's GetCurrentUserInfo: no matrix check, its own refusals (IDENTITY.md §3.2).
  app.get('/users/current', async (req) => {
    const { user, account } = callerOf(req);
    if (user.blocked || user.pendingApproval) throw permissionDenied('user is blocked');
    if (user.isServiceUser) throw permissionDenied('permission denied');
    if (user.accountId !== account.id) throw permissionDenied('user is not part of this account');
    const current = await deps.users.get(account.id, user.id);
    return toApiCurrentUser(current, userPermissions(current, account.settings));
  });

  app.post('/users', { schema: { body: UserCreateRequest } }, async (req) => {
    const { user, account } = authorize(req, 'users', 'create');
    const input = toUserInput(req.body);
    // With the embedded IdP a person gets a login too, its generated password shown once (IDENTITY.md §5.1).
    if (!input.isServiceUser && deps.embeddedUsers) {
      const added = await deps.embeddedUsers.addPerson(account.id, input, user.id);
      return { ...toApiUser(added.user, user.id), password: added.password };
    }
    return toApiUser(await deps.users.create(account.id, input, user.id), user.id);
  });

  // One's own password, old and new (IDENTITY.md §5.4); no module permission, as upstream.
  app.put('/users/:userId/password', { schema: { params: UserParams, body: PasswordChangeRequest } }, async (req) => {
    if (!deps.embeddedUsers) throw preconditionFailed('password change is only available with embedded identity provider');
    const { user } = callerOf(req);
    await deps.embeddedUsers.changePassword(user.id, req.params.userId, req.body.old_password ?? '', req.body.new_password ?? '');
    return EMPTY_OBJECT;
  });

  // Resend an external IdP's invitation (IDENTITY.md §5.5): embedded logins are never pending, so
  // that always ends in 412 here; invite links are regenerated instead.
  app.post('/users/:userId/invite', { schema: { params: UserParams } }, async (req) => {
    const { account } = authorize(req, 'users', 'create');
    if (!deps.embeddedUsers) throw preconditionFailed('IdP manager must be enabled to send user invites');
    await deps.users.get(account.id, req.params.userId);
    throw preconditionFailed("can't invite a user with an activated NetBird account");
  });

  app.put('/users/:userId', { schema: { params: UserParams, body: UserRequest } }, async (req) => {
    const { user, account } = authorize(req, 'users', 'create');
    return toApiUser(await deps.users.update(account.id, req.params.userId, toUserUpdate(req.body), user.id), user.id);
  });

  app.post('/users/:userId/approve', { schema: { params: UserParams } }, async (req) => {
    const { user, account } = authorize(req, 'users', 'update');
    return toApiUser(await deps.users.approve(account.id, req.params.userId, user.id), user.id);
  });

  app.delete('/users/:userId/reject', { schema: { params: UserParams } }, async (req) => {
    const { account, user } = authorize(req, 'users', 'delete');
    await deps.users.reject(account.id, req.params.userId, user.id);
    await deps.embeddedUsers?.removeLogin(req.params.userId);
    return EMPTY_OBJECT;
  });

  app.delete('/users/:userId', { schema: { params: UserParams } }, async (req) => {
    // Upstream refuses this before any permission check.
    if (req.params.userId === callerOf(req).user.id) throw invalidArgument('self deletion is not allowed');
    const { account, user } = authorize(req, 'users', 'delete');
    await deps.users.delete(account.id, req.params.userId, user.id);
    // Otherwise the login would sign in again and be provisioned anew.
    await deps.embeddedUsers?.removeLogin(req.params.userId);
    return EMPTY_OBJECT;
  });
}
