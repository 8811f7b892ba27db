import { permissionDenied, type RoostError } from '../../domain/errors.js';
import type { User } from '../../domain/model.js';
import { checkPermission, type Module, type Operation, type PermissionSubject, type PermissionVerdict } from '../../identity/permissions/index.js';

/** `all` objects of the account, or only the caller's `own` (their user, their peers). */
export type Access = 'all' | 'own';

/** Upstream's wording of a refusal (IDENTITY.md §3.3, §7.2). */
function refusal(verdict: Exclude<PermissionVerdict, { kind: 'allowed' }>): RoostError {
  return verdict.kind === 'invalid' ? permissionDenied(`failed to validate user permissions: ${verdict.reason}`) : permissionDenied('permission denied');
}

/** The matrix check of one call; PermissionDenied (403) with upstream's message otherwise. */
export function requirePermission(user: PermissionSubject, accountId: string, module: Module, op: Operation): void {
  const verdict = checkPermission(user, accountId, module, op);
  if (verdict.kind !== 'allowed') throw refusal(verdict);
}

/**
 * Reads where upstream falls back to the caller's own objects (users, peers): a plain denial
 * means `own`; a failed validation (blocked, unknown role) is still a 403.
 */
export function readAccess(user: PermissionSubject, accountId: string, module: Module): Access {
  const verdict = checkPermission(user, accountId, module, 'read');
  if (verdict.kind === 'allowed') return 'all';
  if (verdict.kind === 'denied') return 'own';
  throw refusal(verdict);
}

const ADMIN_POWER: ReadonlySet<string> = new Set(['owner', 'admin']);

export const hasAdminPower = (user: Pick<User, 'role'>): boolean => ADMIN_POWER.has(user.role);

/**
 * Upstream's token rule, after the `pats` check: anyone manages their own tokens; an owner or
 * admin also manages a service user's. Nobody manages another human's tokens.
 */
export function mayManageTokens(caller: Pick<User, 'id' | 'role'>, target: Pick<User, 'id' | 'isServiceUser'>): boolean {
  return caller.id === target.id || (hasAdminPower(caller) && target.isServiceUser);
}
