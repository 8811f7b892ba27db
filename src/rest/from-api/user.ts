import { invalidArgument } from '../../domain/errors.js';
import type { UserRole } from '../../domain/model.js';
import type { UserInput, UserUpdate } from '../../domain/users/user-service.js';
import { BadRequestError } from '../bad-request.js';
import type { UserCreateRequest, UserRequest } from '../schemas/user-requests.js';

const ROLES: ReadonlySet<string> = new Set<UserRole>(['owner', 'admin', 'user', 'billing_admin', 'auditor', 'network_admin']);

/** A role name from a request; unknown names are InvalidArgument (422). */
export function parseUserRole(role: string): UserRole {
  if (!ROLES.has(role)) throw invalidArgument(`invalid user role ${JSON.stringify(role)}`);
  return role as UserRole;
}

export function toUserInput(body: UserCreateRequest): UserInput {
  return {
    name: body.name ?? '',
    email: body.email ?? '',
    role: parseUserRole(body.role),
    autoGroups: body.auto_groups ?? [],
    isServiceUser: body.is_service_user,
  };
}

/** Upstream refuses a PUT without `auto_groups` (400) rather than clearing them. */
export function toUserUpdate(body: UserRequest): UserUpdate {
  if (body.auto_groups === undefined) throw new BadRequestError("auto_groups field can't be absent");
  return { role: parseUserRole(body.role), autoGroups: body.auto_groups, blocked: body.is_blocked };
}
