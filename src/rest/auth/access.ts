import { permissionDenied } from '../../domain/errors.js';
import type { User, UserRole } from '../../domain/model.js';

/** The resource families of the admin API, as the access table names them. */
export type Resource =
  | 'accounts'
  | 'users'
  | 'peers'
  | 'groups'
  | 'policies'
  | 'setup-keys'
  | 'routes'
  | 'nameservers'
  | 'dns'
  | 'posture-checks';

export type Operation = 'read' | 'write';

/** `all` objects of the account, only the caller's `own` (their user, their peers), or `none`. */
export type Access = 'all' | 'own' | 'none';

const ADMINS: ReadonlySet<UserRole> = new Set(['owner', 'admin']);
/** Roles upstream lets read the whole account. */
const READERS: ReadonlySet<UserRole> = new Set(['owner', 'admin', 'auditor', 'network_admin']);
/** What a regular user sees of themself: their user record and the peers they enrolled. */
const OWN_READABLE: ReadonlySet<Resource> = new Set(['users', 'peers']);

export const hasAdminPower = (user: Pick<User, 'role'>): boolean => ADMINS.has(user.role);

/**
 * The access table (kept simple, as upstream's role defaults): owner and admin do
 * everything; auditors and network admins read everything; other roles read only their own
 * user and peers. Writes need owner or admin.
 */
export function accessFor(role: UserRole, resource: Resource, op: Operation): Access {
  if (op === 'write') return ADMINS.has(role) ? 'all' : 'none';
  if (READERS.has(role)) return 'all';
  return OWN_READABLE.has(resource) ? 'own' : 'none';
}

/** The caller's access, or PermissionDenied (403) when it is `none`. */
export function requireAccess(user: Pick<User, 'role'>, resource: Resource, op: Operation): 'all' | 'own' {
  const access = accessFor(user.role, resource, op);
  if (access === 'none') throw permissionDenied('permission denied');
  return access;
}

/**
 * Upstream's token rule: anyone manages their own tokens; an admin also manages a service
 * user's. Nobody manages another human's tokens.
 */
export function mayManageTokens(caller: Pick<User, 'id' | 'role'>, target: Pick<User, 'id' | 'isServiceUser'>): boolean {
  return caller.id === target.id || (hasAdminPower(caller) && target.isServiceUser);
}
