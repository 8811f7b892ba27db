import { requireAccess, type Operation, type Resource } from './access.js';
import { callerOf, type Caller } from './caller.js';

/** The caller of `request` and their access to `resource` (`all` or `own`); 401/403 otherwise. */
export function authorize(request: object, resource: Resource, op: Operation): Caller & { readonly access: 'all' | 'own' } {
  const caller = callerOf(request);
  return { ...caller, access: requireAccess(caller.user, resource, op) };
}
