import type { User } from '../../domain/model.js';
import type { UserInvite } from '../../domain/users/user-invite.js';
import type { UserPermissions } from '../../identity/permissions/index.js';
import { decodeDexUserId } from '../../idp/dex-user-id.js';
import { apiTime } from './api-time.js';

/**
 * OpenAPI `User` (without the optional `permissions`). `idp_id` names the connector of a user
 * signed in through the embedded IdP (`local` for e-mail + password), decoded from the Dex-style
 * id (IDENTITY.md §1.5); other users (an external IdP's, service users) have none.
 */
export interface ApiUser {
  id: string;
  email: string;
  name: string;
  role: string;
  status: 'active' | 'invited' | 'blocked';
  /** Go's zero time for a user who never logged in: upstream always sends it. */
  last_login: string;
  auto_groups: string[];
  is_current: boolean;
  is_service_user: boolean;
  is_blocked: boolean;
  pending_approval: boolean;
  issued: string;
  idp_id?: string;
}

/** `is_current` compares with the caller; users without an IdP manager are never `invited`. */
export function toApiUser(user: User, callerId: string): ApiUser {
  const connector = user.isServiceUser ? undefined : decodeDexUserId(user.id)?.connectorId;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    status: user.blocked ? 'blocked' : 'active',
    last_login: apiTime(user.lastLogin),
    auto_groups: [...user.autoGroups],
    is_current: user.id === callerId,
    is_service_user: user.isServiceUser,
    is_blocked: user.blocked,
    pending_approval: user.pendingApproval,
    issued: user.issued,
    ...(connector === undefined ? {} : { idp_id: connector }),
  };
}

/** `GET /api/users/current`: the caller with their `permissions` (IDENTITY.md §3.2). */
export function toApiCurrentUser(user: User, permissions: UserPermissions): ApiUser & { permissions: UserPermissions } {
  return { ...toApiUser(user, user.id), permissions };
}

/** OpenAPI `UserInvite`; the token only in the answer that made it. */
export interface ApiUserInvite {
  id: string;
  email: string;
  name: string;
  role: string;
  auto_groups: string[];
  expires_at: string;
  created_at: string;
  expired: boolean;
  invite_token?: string;
}

export function toApiUserInvite(invite: UserInvite, nowMs: number, token?: string): ApiUserInvite {
  return {
    id: invite.id,
    email: invite.email,
    name: invite.name,
    role: invite.role,
    auto_groups: [...invite.autoGroups],
    expires_at: apiTime(invite.expiresAtMs),
    created_at: apiTime(invite.createdAtMs),
    expired: nowMs >= invite.expiresAtMs,
    ...(token === undefined ? {} : { invite_token: token }),
  };
}
