import type { User } from '../../domain/model.js';
import { allows, hasMatrixEntry, type Module, type Operation } from './permission-matrix.js';

/** What the check reads of the caller. */
export type PermissionSubject = Pick<User, 'role' | 'accountId' | 'blocked' | 'pendingApproval' | 'isServiceUser'>;

/**
 * `allowed`; `denied` (a plain refusal: the role lacks the grant); or `invalid` with the
 * reason upstream wraps as "failed to validate user permissions: <reason>".
 */
export type PermissionVerdict = { readonly kind: 'allowed' } | { readonly kind: 'denied' } | { readonly kind: 'invalid'; readonly reason: string };

const ALLOWED: PermissionVerdict = { kind: 'allowed' };
const DENIED: PermissionVerdict = { kind: 'denied' };
const invalid = (reason: string): PermissionVerdict => ({ kind: 'invalid', reason });

/**
 * Upstream's check order (IDENTITY.md §3.3): a blocked user fails (pending approval has its
 * own reason), then a user of another account, then service users may read everything,
 * then a role without matrix entry fails, then the matrix decides.
 */
export function checkPermission(user: PermissionSubject, accountId: string, module: Module, operation: Operation): PermissionVerdict {
  if (user.pendingApproval) return invalid('user is pending approval');
  if (user.blocked) return invalid('user is blocked');
  if (user.accountId !== accountId) return invalid('user is not part of this account');
  if (user.isServiceUser && operation === 'read') return ALLOWED;
  if (!hasMatrixEntry(user.role)) return invalid(`user role: ${user.role} not found`);
  return allows(user.role, module, operation) ? ALLOWED : DENIED;
}
