import type { AccountSettings, User } from '../../domain/model.js';
import { MODULES, OPERATIONS, allows, hasMatrixEntry, type Module, type Operation } from './permission-matrix.js';

/** The `permissions` member of `GET /api/users/current` (IDENTITY.md §3.2), in wire shape. */
export interface UserPermissions {
  readonly is_restricted: boolean;
  readonly modules: Readonly<Partial<Record<Module, Readonly<Record<Operation, boolean>>>>>;
}

/** Roles whose peer view `regular_users_view_blocked` restricts. */
const RESTRICTABLE: ReadonlySet<string> = new Set(['user', 'billing_admin']);

/**
 * Every module with its four operations from the role's matrix row; a role without matrix
 * entry gets `{}` (the dashboard then treats everything as denied).
 */
export function userPermissions(user: Pick<User, 'role'>, settings: Pick<AccountSettings, 'regularUsersViewBlocked'>): UserPermissions {
  const modules: Partial<Record<Module, Record<Operation, boolean>>> = {};
  if (hasMatrixEntry(user.role)) {
    for (const m of MODULES) {
      modules[m] = Object.fromEntries(OPERATIONS.map((op) => [op, allows(user.role, m, op)])) as Record<Operation, boolean>;
    }
  }
  return { is_restricted: RESTRICTABLE.has(user.role) && settings.regularUsersViewBlocked, modules };
}
