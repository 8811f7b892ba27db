import type { RestDeps } from '../rest-deps.js';
import type { Caller } from './caller.js';
import { jwtRefusal } from './jwt-refusal.js';
import { tokenInvalid } from './token-invalid.js';

/**
 * The caller a `Bearer <JWT>` speaks for, through upstream's pipeline (IDENTITY.md §3.1):
 * validate → find or create the user (the JWT-groups gate, groups sync and `nb_last_login` are
 * the domain's) → re-read the user. The result is the same caller a PAT gives, so the
 * permission matrix applies unchanged; blocked and pending users get through here and are
 * refused by each call's check. Every refusal is 401 `token invalid`.
 */
export async function identifyJwtUser(deps: Pick<RestDeps, 'jwt' | 'resolveUser' | 'users'>, credential: string | undefined): Promise<Caller> {
  const { jwt, resolveUser } = deps;
  if (credential === undefined || jwt === undefined || resolveUser === undefined) throw tokenInvalid();
  try {
    const { user, account } = await resolveUser(await jwt.validate(credential));
    return { user: await deps.users.get(account.id, user.id), account };
  } catch (err) {
    throw jwtRefusal(err);
  }
}
