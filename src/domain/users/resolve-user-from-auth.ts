import type { DomainDeps } from '../domain-deps.js';
import { notFound, permissionDenied, unauthenticated } from '../errors.js';
import { bumpSerial } from '../map-relevant-changes.js';
import type { Account, User } from '../model.js';
import type { DomainStore } from '../ports/domain-store.js';
import { isUniqueViolation } from '../ports/unique-violation.js';
import { transact } from '../transact.js';
import { accountHintProblem } from './account-hint-problem.js';
import type { AuthClaims } from './auth-claims.js';
import { createAccountForUser } from './create-account-for-user.js';
import { groupsFromClaims } from './groups-from-claims.js';
import { jwtGroupsAllowed } from './jwt-groups-allowed.js';
import { nextLastLogin } from './next-last-login.js';
import { placeNewUser } from './place-new-user.js';
import { ssoUser } from './sso-user.js';
import { syncUserJwtGroups } from './sync-user-jwt-groups.js';
import { recordActivity } from '../activity/record-activity.js';

export interface ResolvedUser {
  readonly user: User;
  readonly account: Account;
  readonly created: boolean;
}

type Log = { warn(obj: object, msg: string): void };

/**
 * Creating the first account is serialised per store in this process, as upstream serialises it
 * with its global lock: concurrent first sign-ins on an empty store make one account. Across
 * processes on one PostgreSQL store the transaction's `accounts.first()` takes an advisory lock,
 * so a second process's sign-in waits for the first's commit and joins its account
 * (test/integration/replicas-first-account.test.ts). (Joining needs no lock: the user's primary
 * key settles a race between two sign-ins of one person.)
 */
const creationLocks = new WeakMap<DomainStore, Promise<unknown>>();

function serialised<T>(store: DomainStore, fn: () => Promise<T>): Promise<T> {
  const run = (creationLocks.get(store) ?? Promise.resolve()).then(fn, fn);
  creationLocks.set(store, run.catch(() => undefined));
  return run;
}

/** Inserts the user (and, on an empty store, their account) unless a concurrent sign-in did. */
async function createUser(deps: DomainDeps, auth: AuthClaims): Promise<{ user: User; created: boolean }> {
  const now = deps.clock.now();
  const attempt = () =>
    transact(deps, async (tx) => {
      const raced = await tx.users.get(auth.userId);
      if (raced !== undefined) return { user: raced, created: false };
      const placement = placeNewUser(await tx.accounts.first());
      if (placement.kind === 'new-account') {
        const { user } = await createAccountForUser(deps, tx, ssoUser(auth, '', placement.role, false, now), now);
        await recordActivity(tx, deps.clock, user.accountId, [{ activity: 'UserJoined', initiatorId: user.id, targetId: user.id }]);
        return { user, created: true };
      }
      const user = ssoUser(auth, placement.accountId, placement.role, placement.pendingApproval, now);
      await tx.users.insert(user);
      // Users feed SSH authorisation in maps.
      await bumpSerial(tx, user.accountId, 'user-created');
      const meta = user.pendingApproval ? { pending_approval: true } : {};
      await recordActivity(tx, deps.clock, user.accountId, [{ activity: 'UserJoined', initiatorId: user.id, targetId: user.id, meta }]);
      return { user, created: true };
    });
  try {
    return (await deps.store.repos.accounts.first()) === undefined ? await serialised(deps.store, attempt) : await attempt();
  } catch (err) {
    if (!isUniqueViolation(err, 'primary-key')) throw err;
    const user = await deps.store.repos.users.get(auth.userId);
    if (user === undefined) throw err;
    return { user, created: false };
  }
}

async function findOrCreateUser(deps: DomainDeps, auth: AuthClaims): Promise<{ user: User; created: boolean }> {
  if (auth.userId === '') throw unauthenticated('empty user ID in claims');
  const known = await deps.store.repos.users.get(auth.userId);
  const problem = accountHintProblem({ userId: auth.userId, hint: auth.accountId, userAccountId: known?.accountId });
  if (problem !== undefined) throw unauthenticated(problem);
  return known !== undefined ? { user: known, created: false } : createUser(deps, auth);
}

/** Stores a newer `nb_last_login` (REST sign-ins of Auth0-style IdPs); returns the user as stored. */
async function recordLastLogin(deps: DomainDeps, user: User, claimed: number | undefined): Promise<User> {
  if (nextLastLogin(user.lastLogin, claimed) === undefined) return user;
  return transact(deps, async (tx) => {
    const stored = (await tx.users.get(user.id)) ?? user;
    const lastLogin = nextLastLogin(stored.lastLogin, claimed);
    if (lastLogin === undefined) return stored;
    const updated = { ...stored, lastLogin };
    await tx.users.update(updated);
    return updated;
  });
}

/** §2.4: find the user of a validated token, or create it (and, in single-account mode, join the existing account as upstream; the first user of an empty store creates the account as owner). Applies the JWT-groups gate (§2.5; throws PermissionDenied "user does not belong to any of the allowed JWT groups") and the groups sync (§2.5, errors only logged). */
export async function resolveUserFromAuth(deps: DomainDeps, auth: AuthClaims, opts?: { readonly log?: Log }): Promise<ResolvedUser> {
  const found = await findOrCreateUser(deps, auth);
  let user = found.user;
  const account = await deps.store.repos.accounts.get(user.accountId);
  if (account === undefined) throw notFound(`account ${user.accountId} not found`);
  const { settings } = account;
  const tokenGroups = settings.jwtGroupsEnabled ? groupsFromClaims(auth.claims, settings.jwtGroupsClaimName) : [];
  // Upstream checks after provisioning: a refused user still exists afterwards.
  if (!jwtGroupsAllowed(settings, tokenGroups)) throw permissionDenied('user does not belong to any of the allowed JWT groups');
  if (settings.jwtGroupsEnabled && settings.jwtGroupsClaimName !== '') {
    try {
      const changes = await syncUserJwtGroups(deps, account.id, user.id, tokenGroups);
      if (changes.changed) user = { ...user, autoGroups: changes.autoGroups };
    } catch (err) {
      opts?.log?.warn({ err, userId: user.id }, "could not sync the user's JWT groups");
    }
  }
  user = await recordLastLogin(deps, user, auth.lastLoginMs);
  return { user, account, created: found.created };
}
