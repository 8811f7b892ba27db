import { randomInt } from 'node:crypto';
import type { InitiatorId } from '../activity/activity-event.js';
import type { Clock } from '../clock.js';
import { alreadyExists, invalidArgument, notFound } from '../errors.js';
import type { IdGenerator } from '../id-generator.js';
import type { User, UserRole } from '../model.js';
import { BASE62_ALPHABET } from './base62.js';
import { hashInviteToken, inviteTokenProblem, newInviteToken } from './invite-token.js';
import { inviteLifetime, invitePasswordProblem } from './invite-rules.js';
import type { DomainTx } from '../transact.js';
import type { InviteStore, UserInvite } from './user-invite.js';
import type { UserInput, UserService } from './user-service.js';

/** The embedded IdP's e-mail + password logins (src/idp's LocalUsers). */
export interface LocalLogins {
  /** Undefined when the e-mail already has a login. */
  create(input: { email: string; name: string; password: string }): Promise<{ readonly id: string } | undefined>;
  remove(id: string): Promise<void>;
  /** The refusal's reason, or undefined once changed. */
  changePassword(id: string, oldPassword: string, newPassword: string): Promise<string | undefined>;
}

export interface InviteRequest {
  readonly email: string;
  readonly name: string;
  readonly role: UserRole;
  readonly autoGroups: readonly string[];
  readonly expiresIn?: number;
}

/** What the public invite page shows (IDENTITY.md §5.2). */
export interface InviteInfo {
  readonly email: string;
  readonly name: string;
  readonly expiresAtMs: number;
  readonly valid: boolean;
  readonly invitedBy: string;
}

/** Length of the password made for a person added with `POST /api/users` (upstream's). */
const GENERATED_PASSWORD_LENGTH = 16;

/** 16 random base62 characters: the one-time password of a person added by an admin. */
export function generatePassword(pick: (n: number) => number = randomInt): string {
  let out = '';
  for (let i = 0; i < GENERATED_PASSWORD_LENGTH; i++) out += BASE62_ALPHABET[pick(62)];
  return out;
}

export interface EmbeddedUserLifecycleDeps {
  readonly users: UserService;
  readonly logins: LocalLogins;
  readonly invites: InviteStore;
  readonly clock: Clock;
  readonly ids: IdGenerator;
}

/**
 * People with a login in the embedded IdP (IDENTITY.md §5.1, §5.2, §5.4): added by an admin
 * with a generated password, invited by link, changing their own password. The login and the
 * NetBird user are made together: when the second fails, the first is removed.
 */
export function createEmbeddedUserLifecycle(deps: EmbeddedUserLifecycleDeps) {
  const sameEmail = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

  /**
   * A login plus its NetBird user (and `alsoInTx` in the user's transaction); the login, kept
   * by the IdP apart, is removed when the user cannot be saved.
   */
  async function createPerson(accountId: string, input: UserInput, password: string, taken: string, by?: InitiatorId, alsoInTx?: (tx: DomainTx) => Promise<void>): Promise<User> {
    const login = await deps.logins.create({ email: input.email, name: input.name, password });
    if (!login) throw alreadyExists(taken);
    try {
      return await deps.users.create(accountId, { ...input, id: login.id, isServiceUser: false }, by, alsoInTx);
    } catch (err) {
      await deps.logins.remove(login.id);
      throw err;
    }
  }

  async function mustFindByToken(token: string): Promise<UserInvite> {
    const problem = inviteTokenProblem(token);
    if (problem) throw invalidArgument(`invalid invite token: ${problem}`);
    const invite = await deps.invites.findByHashedToken(hashInviteToken(token));
    if (!invite) throw notFound('invite not found');
    return invite;
  }

  async function checkEmailFree(accountId: string, email: string, message: string): Promise<void> {
    if ((await deps.users.list(accountId)).some((u) => sameEmail(u.email, email))) throw alreadyExists(message);
  }

  function checkPerson(input: { name: string; email: string; role: string }): void {
    if (input.name.trim() === '') throw invalidArgument('name is required');
    if (input.email.trim() === '') throw invalidArgument('email is required');
    if (input.role === 'owner') throw invalidArgument('can not create a user with owner role');
  }

  return {
    /** A deleted or rejected user's login goes too, as upstream's forced `--user-delete-from-idp`. */
    removeLogin: (userId: string) => deps.logins.remove(userId),

    /** `POST /api/users` for a person: the user and the password shown once. */
    /** `by`: the caller, recorded as the audit event's initiator. */
    async addPerson(accountId: string, input: UserInput, by?: InitiatorId): Promise<{ user: User; password: string }> {
      checkPerson(input);
      await checkEmailFree(accountId, input.email, "can't invite a user with an existing NetBird account");
      const password = generatePassword();
      const user = await createPerson(accountId, input, password, "can't invite a user with an existing NetBird account", by);
      return { user, password };
    },

    /** Only one's own password; InvalidArgument `failed to update password: …` otherwise. */
    async changePassword(callerId: string, userId: string, oldPassword: string, newPassword: string): Promise<void> {
      if (oldPassword === '') throw invalidArgument('old password is required');
      if (newPassword === '') throw invalidArgument('new password is required');
      if (callerId !== userId) throw invalidArgument('failed to update password: users can only change their own password');
      const refusal = await deps.logins.changePassword(userId, oldPassword, newPassword);
      if (refusal) throw invalidArgument(`failed to update password: ${refusal}`);
    },

    async createInvite(accountId: string, createdBy: string, req: InviteRequest): Promise<{ invite: UserInvite; token: string }> {
      checkPerson(req);
      const lifetime = inviteLifetime(req.expiresIn);
      if (typeof lifetime === 'string') throw invalidArgument(lifetime);
      await checkEmailFree(accountId, req.email, 'user with this email already exists');
      const token = newInviteToken();
      const now = deps.clock.now();
      const invite: UserInvite = {
        id: deps.ids.next(),
        accountId,
        email: req.email.trim().toLowerCase(),
        name: req.name,
        role: req.role,
        autoGroups: [...req.autoGroups],
        hashedToken: hashInviteToken(token),
        expiresAtMs: now + lifetime * 1000,
        createdAtMs: now,
        createdBy,
      };
      if (!(await deps.invites.insert(invite))) throw alreadyExists('invite already exists for this email');
      return { invite, token };
    },

    listInvites: (accountId: string) => deps.invites.list(accountId),

    async deleteInvite(accountId: string, id: string): Promise<void> {
      if (!(await deps.invites.delete(accountId, id))) throw notFound(`invite ${id} not found`);
    },

    /** A new token (the old one stops working) and a new expiry. */
    async regenerateInvite(accountId: string, id: string, expiresIn?: number): Promise<{ token: string; expiresAtMs: number }> {
      const lifetime = inviteLifetime(expiresIn);
      if (typeof lifetime === 'string') throw invalidArgument(lifetime);
      const token = newInviteToken();
      const expiresAtMs = deps.clock.now() + lifetime * 1000;
      if (!(await deps.invites.replaceToken(accountId, id, hashInviteToken(token), expiresAtMs))) throw notFound(`invite ${id} not found`);
      return { token, expiresAtMs };
    },

    /** The public page's view of an invite. */
    async inviteInfo(token: string): Promise<InviteInfo> {
      const invite = await mustFindByToken(token);
      const inviter = await deps.users.get(invite.accountId, invite.createdBy).catch(() => undefined);
      return { email: invite.email, name: invite.name, expiresAtMs: invite.expiresAtMs, valid: deps.clock.now() < invite.expiresAtMs, invitedBy: inviter?.name ?? '' };
    },

    /**
     * Makes the login, then the NetBird user and the invite's removal in one transaction (as
     * upstream): an invite deleted or accepted meanwhile rolls the user back, and the login
     * goes with it. Of two acceptances racing, the login's unique e-mail lets one through.
     */
    async acceptInvite(token: string, password: string): Promise<void> {
      if (password === '') throw invalidArgument('password is required');
      const problem = invitePasswordProblem(password);
      if (problem) throw invalidArgument(`invalid password: ${problem}`);
      const invite = await mustFindByToken(token);
      if (deps.clock.now() >= invite.expiresAtMs) throw invalidArgument('invite has expired');
      const input: UserInput = { email: invite.email, name: invite.name, role: invite.role as UserRole, autoGroups: invite.autoGroups, isServiceUser: false };
      await createPerson(invite.accountId, input, password, 'a user with this email already exists', undefined, async (tx) => {
        if (!(await tx.invites.delete(invite.accountId, invite.id))) throw notFound('invite not found');
      });
    },
  };
}

export type EmbeddedUserLifecycle = ReturnType<typeof createEmbeddedUserLifecycle>;
