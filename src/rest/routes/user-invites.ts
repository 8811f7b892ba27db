import { Type } from 'typebox';
import { preconditionFailed, RoostError } from '../../domain/errors.js';
import { authorize, authorizeRead } from '../auth/authorize.js';
import { parseUserRole } from '../from-api/user.js';
import { EMPTY_OBJECT, type RestApp } from '../rest-app.js';
import type { RestDeps } from '../rest-deps.js';
import { UserInviteAcceptRequest, UserInviteCreateRequest, UserInviteRegenerateRequest } from '../schemas/user-requests.js';
import { apiTime } from '../to-api/api-time.js';
import { toApiUserInvite } from '../to-api/user.js';
import { INVITE_PUBLIC_RULE, takeToken, type Bucket } from './invite-rate-limit.js';

const InviteParams = Type.Object({ invite: Type.String() });
/** Client IPs tracked at once; the oldest is forgotten beyond it. */
const MAX_TRACKED = 10_000;

/**
 * Invite links of the embedded IdP (IDENTITY.md §5.2). Managing them needs the `users`
 * permissions; `GET /users/invites/nbi_…` and `…/accept` are public (auth bypass): the link's
 * token is the credential. Without the embedded IdP every call is 412.
 */
export function registerUserInviteRoutes(app: RestApp, deps: Pick<RestDeps, 'embeddedUsers' | 'clock'>): void {
  const lifecycle = () => {
    if (!deps.embeddedUsers) throw preconditionFailed('invite links are only available with embedded identity provider');
    return deps.embeddedUsers;
  };

  // The public endpoints are limited per client IP: the token is the only credential.
  const buckets = new Map<string, Bucket>();
  const limitPublic = async (req: { ip: string }) => {
    const { allowed, bucket } = takeToken(buckets.get(req.ip), deps.clock.now(), INVITE_PUBLIC_RULE);
    buckets.delete(req.ip);
    if (buckets.size >= MAX_TRACKED) buckets.delete(buckets.keys().next().value as string);
    buckets.set(req.ip, bucket);
    if (!allowed) throw new RoostError('ResourceExhausted', 'rate limit exceeded, please try again later');
  };

  app.get('/users/invites', async (req) => {
    const { account } = authorize(req, 'users', 'read');
    const now = deps.clock.now();
    return (await lifecycle().listInvites(account.id)).map((i) => toApiUserInvite(i, now));
  });

  app.post('/users/invites', { schema: { body: UserInviteCreateRequest } }, async (req) => {
    const { user, account } = authorize(req, 'users', 'create');
    const b = req.body;
    const { invite, token } = await lifecycle().createInvite(account.id, user.id, {
      email: b.email ?? '',
      name: b.name ?? '',
      role: parseUserRole(b.role),
      autoGroups: b.auto_groups ?? [],
      ...(b.expires_in === undefined ? {} : { expiresIn: b.expires_in }),
    });
    return toApiUserInvite(invite, deps.clock.now(), token);
  });

  app.delete('/users/invites/:invite', { schema: { params: InviteParams } }, async (req) => {
    const { account } = authorize(req, 'users', 'delete');
    await lifecycle().deleteInvite(account.id, req.params.invite);
    return EMPTY_OBJECT;
  });

  app.post('/users/invites/:invite/regenerate', { schema: { params: InviteParams, body: Type.Optional(UserInviteRegenerateRequest) } }, async (req) => {
    const { account } = authorize(req, 'users', 'update');
    const { token, expiresAtMs } = await lifecycle().regenerateInvite(account.id, req.params.invite, req.body?.expires_in);
    return { invite_token: token, invite_expires_at: apiTime(expiresAtMs) };
  });

  // Public (auth bypass): what the dashboard's invite page shows.
  app.get('/users/invites/:invite', { schema: { params: InviteParams }, onRequest: limitPublic }, async (req) => {
    const info = await lifecycle().inviteInfo(req.params.invite);
    return { email: info.email, name: info.name, expires_at: apiTime(info.expiresAtMs), valid: info.valid, invited_by: info.invitedBy };
  });

  // Public (auth bypass): the invited person sets a password.
  app.post('/users/invites/:invite/accept', { schema: { params: InviteParams, body: UserInviteAcceptRequest }, onRequest: limitPublic }, async (req) => {
    await lifecycle().acceptInvite(req.params.invite, req.body.password ?? '');
    return { success: true };
  });
}
