import { unauthenticated } from '../../domain/errors.js';
import type { Account, User } from '../../domain/model.js';

/** Who is calling: the token's user and their account. Every route is scoped to `account`. */
export interface Caller {
  readonly user: User;
  readonly account: Account;
}

// Keyed by request object: no fastify type augmentation, and nothing outlives the request.
const callers = new WeakMap<object, Caller>();

export function setCaller(request: object, caller: Caller): void {
  callers.set(request, caller);
}

/** The authenticated caller; Unauthenticated when the auth hook did not run or failed. */
export function callerOf(request: object): Caller {
  const caller = callers.get(request);
  if (caller === undefined) throw unauthenticated('no valid authentication provided');
  return caller;
}
