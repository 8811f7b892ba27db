import { permissionDenied } from '../errors.js';
import type { User, UserRole } from '../model.js';

/** The role and block state a `PUT /api/users/{id}` asks for. */
export interface RequestedUserState {
  readonly role: UserRole;
  readonly blocked: boolean;
}

const hasAdminPower = (u: Pick<User, 'role'>): boolean => u.role === 'owner' || u.role === 'admin';

/**
 * Upstream's rules for one user changing another (IDENTITY.md §3.3): owners and admins can
 * neither (un)block themselves nor change their own role; an admin cannot touch an owner's
 * role, block an owner, or grant `owner`; a service user can never be an owner. Throws
 * PermissionDenied with upstream's message.
 */
export function checkUserUpdate(initiator: Pick<User, 'id' | 'role'>, old: Pick<User, 'id' | 'role' | 'blocked' | 'isServiceUser'>, next: RequestedUserState): void {
  const self = initiator.id === old.id;
  if (hasAdminPower(initiator) && self && old.blocked !== next.blocked) throw permissionDenied("admins can't block or unblock themselves");
  if (hasAdminPower(initiator) && self && next.role !== initiator.role) throw permissionDenied("admins can't change their role");
  if (initiator.role === 'admin' && old.role === 'owner' && next.role !== old.role) throw permissionDenied('only owners can remove owner role from their user');
  if (initiator.role === 'admin' && old.role === 'owner' && next.blocked && !old.blocked) throw permissionDenied('unable to block owner user');
  if (initiator.role === 'admin' && next.role === 'owner' && next.role !== old.role) throw permissionDenied('only owners can add owner role to other users');
  if (old.isServiceUser && next.role === 'owner') throw permissionDenied("can't update a service user with owner role");
}

/** An owner making another user owner hands the role over: the initiator becomes an admin. */
export function isOwnerTransfer(initiator: Pick<User, 'id' | 'role'>, targetId: string, nextRole: UserRole): boolean {
  return initiator.role === 'owner' && initiator.id !== targetId && nextRole === 'owner';
}
