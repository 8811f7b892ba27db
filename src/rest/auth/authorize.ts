import type { Module, Operation } from '../../identity/permissions/index.js';
import { readAccess, requirePermission, type Access } from './access.js';
import { callerOf, type Caller } from './caller.js';

/** The caller of `request` when the matrix lets them do `op` on `module`; 401/403 otherwise. */
export function authorize(request: object, module: Module, op: Operation): Caller {
  const caller = callerOf(request);
  requirePermission(caller.user, caller.account.id, module, op);
  return caller;
}

/** For reads that fall back to the caller's own objects: the caller and `all` or `own`. */
export function authorizeRead(request: object, module: Module): Caller & { readonly access: Access } {
  const caller = callerOf(request);
  return { ...caller, access: readAccess(caller.user, caller.account.id, module) };
}
