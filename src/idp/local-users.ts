import { randomUUID } from 'node:crypto';
import type { Clock } from '../domain/clock.js';
import type { EmbeddedIdpOwner } from '../config/config.js';
import type { IdpRepository, IdpUserRecord } from '../store/index.js';
import { encodeDexUserId } from './dex-user-id.js';
import { EMAIL_RULE, IP_RULE, loginThrottle, recordFailure, type FailureRecord } from './login-throttle.js';
import { DECOY_HASH, hashPassword, verifyPassword } from './password-hash.js';

/** The outcome of a sign-in attempt; `throttled` says nothing about the password. */
export type SignInResult = { readonly ok: true; readonly user: IdpUserRecord } | { readonly ok: false; readonly reason: 'invalid' | 'throttled'; readonly retryAfterMs?: number };

/** Why a password change was refused, in upstream's words. */
export type PasswordChangeRefusal = 'current password is incorrect' | 'new password must be different from current password';

/** Failure counters are per process: a few more guesses across replicas, no shared write per attempt. */
const MAX_TRACKED = 10_000;

/**
 * E-mail + password users of the embedded provider. Their id in the store is the Dex-style
 * `sub` (IDENTITY.md §1.5). Passwords are only ever hashed or compared here, never logged.
 */
export class LocalUsers {
  private readonly failures = new Map<string, FailureRecord>();

  constructor(private readonly deps: { repo: IdpRepository; clock: Clock }) {}

  /** Creates a user; false when the e-mail is taken. */
  async create(input: { email: string; name: string; password: string }): Promise<IdpUserRecord | undefined> {
    const user: IdpUserRecord = {
      id: encodeDexUserId(randomUUID()),
      email: input.email.trim().toLowerCase(),
      username: input.name,
      name: input.name,
      passwordHash: await hashPassword(input.password),
      createdAtMs: this.deps.clock.now(),
    };
    return (await this.deps.repo.insertUser(user)) ? user : undefined;
  }

  /**
   * `EmbeddedIdP.Owner`, upserted at each start with its bcrypt hash (as upstream). When first
   * created it may take `linkTo` as its id — the owner `roost init` made, which has no login
   * (IDENTITY.md §10) — so signing in is that owner rather than a new user.
   */
  async seedOwner(owner: EmbeddedIdpOwner, linkTo?: string): Promise<void> {
    const email = owner.email.toLowerCase();
    const free = linkTo !== undefined && !(await this.deps.repo.findUserById(linkTo));
    const id = free ? linkTo : encodeDexUserId(randomUUID());
    await this.deps.repo.upsertUserByEmail({ id, email, username: owner.username, name: owner.username, passwordHash: owner.hash, createdAtMs: this.deps.clock.now() });
  }

  /**
   * The caller's own password change (IDENTITY.md §5.4): the reason of a refusal, or undefined
   * once changed. No strength policy, as upstream; the current password must be right.
   */
  async changePassword(id: string, oldPassword: string, newPassword: string): Promise<PasswordChangeRefusal | undefined> {
    const user = await this.deps.repo.findUserById(id);
    if (!user || !(await verifyPassword(oldPassword, user.passwordHash))) return 'current password is incorrect';
    if (oldPassword === newPassword) return 'new password must be different from current password';
    return (await this.deps.repo.updateUserPassword(id, await hashPassword(newPassword))) ? undefined : 'current password is incorrect';
  }

  /** Removes a login (a NetBird user that could not be saved, or a deleted user). */
  remove(id: string): Promise<void> {
    return this.deps.repo.deleteUser(id);
  }

  find(id: string): Promise<IdpUserRecord | undefined> {
    return this.deps.repo.findUserById(id);
  }

  count(): Promise<number> {
    return this.deps.repo.countUsers();
  }

  /** Checks a password, refusing without checking once the e-mail or the client IP guessed too often. */
  async signIn(email: string, password: string, clientIp: string): Promise<SignInResult> {
    const now = this.deps.clock.now();
    const emailKey = `e:${email.trim().toLowerCase()}`;
    const ipKey = `i:${clientIp}`;
    for (const [key, rule] of [[emailKey, EMAIL_RULE], [ipKey, IP_RULE]] as const) {
      const d = loginThrottle(this.failures.get(key), now, rule);
      if (!d.allowed) return { ok: false, reason: 'throttled', retryAfterMs: d.retryAfterMs };
    }
    const user = await this.deps.repo.findUserByEmail(email.trim());
    const ok = await verifyPassword(password, user?.passwordHash ?? DECOY_HASH);
    if (user && ok) {
      this.failures.delete(emailKey);
      return { ok: true, user };
    }
    this.fail(emailKey, now, EMAIL_RULE);
    this.fail(ipKey, now, IP_RULE);
    return { ok: false, reason: 'invalid' };
  }

  private fail(key: string, now: number, rule: typeof EMAIL_RULE): void {
    if (this.failures.size >= MAX_TRACKED && !this.failures.has(key)) this.failures.delete(this.failures.keys().next().value as string);
    this.failures.set(key, recordFailure(this.failures.get(key), now, rule));
  }
}
