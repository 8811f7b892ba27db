import type { DomainDeps } from '../domain-deps.js';
import { invalidArgument, notFound, permissionDenied } from '../errors.js';
import { bumpSerial } from '../map-relevant-changes.js';
import { ALL_GROUP_NAME, type User, type UserRole } from '../model.js';
import { removePeer } from '../peers/delete-peer.js';
import { markLoginsExpired } from '../peers/mark-logins-expired.js';
import type { Repositories } from '../ports/repositories.js';
import { transact, type DomainTx } from '../transact.js';
import { checkUserUpdate, isOwnerTransfer } from './check-user-update.js';
import { SYSTEM_INITIATOR, type InitiatorId } from '../activity/activity-event.js';
import { accountDnsDomain, metaTime, peerEventMeta } from '../activity/event-meta.js';
import { recordActivity, type ActivityNote } from '../activity/record-activity.js';
import { userUpdateNotes } from '../activity/user-update-notes.js';

const ROLES: readonly UserRole[] = ['owner', 'admin', 'user', 'billing_admin', 'auditor', 'network_admin'];

export interface UserInput {
  /** The embedded IdP's `sub` for a person it signs in; a new xid otherwise. */
  readonly id?: string;
  readonly name: string;
  readonly email: string;
  /** Any role but `owner` (there is one owner, made at bootstrap). */
  readonly role: UserRole;
  readonly autoGroups: readonly string[];
  readonly isServiceUser: boolean;
}

export interface UserUpdate {
  readonly role?: UserRole;
  readonly autoGroups?: readonly string[];
  readonly blocked?: boolean;
}

/** Users feed SSH authorisation in maps (SEMANTICS.md §4.6), so changes bump the serial. */
export interface UserService {
  list(accountId: string): Promise<User[]>;
  get(accountId: string, id: string): Promise<User>;
  /** `alsoInTx` runs in the same transaction after the insert (an invite retired with it); its throw rolls both back. */
  create(accountId: string, input: UserInput, by?: InitiatorId, alsoInTx?: (tx: DomainTx) => Promise<void>): Promise<User>;
  /**
   * With `initiatorId` (a user of the account, e.g. the API caller) upstream's rules for one
   * user changing another apply, and an owner granting `owner` hands the role over (they
   * become an admin in the same transaction). Without it the owner stays protected.
   */
  update(accountId: string, id: string, update: UserUpdate, initiatorId?: string): Promise<User>;
  /** Deletes the user, their tokens and the peers they enrolled; the owner cannot be deleted. */
  delete(accountId: string, id: string, by?: InitiatorId): Promise<void>;
  /** Clears a pending user's `blocked` and `pendingApproval` (IDENTITY.md §5.3). */
  approve(accountId: string, id: string, by?: InitiatorId): Promise<User>;
  /** Deletes a pending user the normal way (IDENTITY.md §5.3). */
  reject(accountId: string, id: string, by?: InitiatorId): Promise<void>;
}

/** A pending user of the account, or upstream's refusals. */
async function mustGetPending(repos: Repositories, accountId: string, id: string): Promise<User> {
  const u = await repos.users.get(id);
  if (u === undefined || u.accountId !== accountId) throw notFound(`user: ${id} not found`);
  if (!u.pendingApproval) throw invalidArgument(`user ${id} is not pending approval`);
  return u;
}

/**
 * Blocking a user expires the login of every SSO peer they added (IDENTITY.md §2.6): they are
 * disconnected, their streams end and their Syncs are refused until the user is unblocked and
 * signs in again.
 */
async function expireSsoPeersOf(tx: DomainTx, accountId: string, userId: string): Promise<void> {
  const peers = (await tx.peers.list(accountId)).filter((p) => p.userId === userId && !p.loginExpired);
  await markLoginsExpired(tx, accountId, peers, (fresh) => fresh.userId === userId);
}

async function mustGet(repos: Repositories, accountId: string, id: string): Promise<User> {
  const u = await repos.users.get(id);
  if (u === undefined || u.accountId !== accountId) throw notFound(`user ${id} not found`);
  return u;
}

function checkRole(role: UserRole, isServiceUser: boolean): void {
  if (!ROLES.includes(role)) throw invalidArgument(`invalid role ${JSON.stringify(role)}`);
  if (role === 'owner' && isServiceUser) throw invalidArgument("can't create a service user with owner role");
  if (role === 'owner') throw permissionDenied('the owner role cannot be given');
}

/** Auto-groups must exist and may not include `All`; `userId` names the user being updated (upstream's wording). */
async function checkAutoGroups(tx: DomainTx, accountId: string, autoGroups: readonly string[], userId?: string): Promise<string[]> {
  const groups = new Map((await tx.groups.list(accountId)).map((g) => [g.id, g.name]));
  for (const id of autoGroups) {
    if (!groups.has(id)) {
      throw invalidArgument(userId === undefined ? `group ${id} not found` : `provided group ID ${id} in the user ${userId} update doesn't exist`);
    }
    if (groups.get(id) === ALL_GROUP_NAME) throw invalidArgument(`can't add ${ALL_GROUP_NAME} group to the user`);
  }
  return [...new Set(autoGroups)];
}

/** Without an initiator: the owner can be neither demoted nor blocked, and nobody is made owner. */
function checkUnattributedUpdate(old: User, u: UserUpdate): void {
  if (old.role === 'owner' && ((u.role !== undefined && u.role !== 'owner') || u.blocked === true)) {
    throw permissionDenied('the owner cannot be demoted or blocked');
  }
  if (u.role !== undefined && u.role !== old.role) checkRole(u.role, old.isServiceUser);
}

/** Checks the change against the initiator; returns the initiator when the owner role moves to the target. */
async function checkAttributedUpdate(tx: DomainTx, accountId: string, old: User, u: UserUpdate, initiatorId: string): Promise<User | undefined> {
  const initiator = await mustGet(tx, accountId, initiatorId);
  const next = { role: u.role ?? old.role, blocked: u.blocked ?? old.blocked };
  if (!ROLES.includes(next.role)) throw invalidArgument(`invalid role ${JSON.stringify(next.role)}`);
  checkUserUpdate(initiator, old, next);
  return isOwnerTransfer(initiator, old.id, next.role) && old.role !== 'owner' ? initiator : undefined;
}

/**
 * Deletes a user with their SSO peers in `tx`, recording upstream's events: one per removed peer,
 * then the user's (`as` overrides it, e.g. a rejected pending user).
 */
async function deleteUser(deps: DomainDeps, tx: DomainTx, accountId: string, id: string, by: InitiatorId, as: 'UserRejected' | undefined): Promise<void> {
  const user = await mustGet(tx, accountId, id);
  if (user.role === 'owner') throw permissionDenied("can't delete a user with the owner role");
  const peers = (await tx.peers.list(accountId)).filter((p) => p.userId === id);
  for (const p of peers) await removePeer(tx, p);
  await tx.users.delete(accountId, id);
  await bumpSerial(tx, accountId, 'user-deleted', { peers: 'all', deletedPeers: peers.map((p) => ({ id: p.id, key: p.key })) });
  const dnsDomain = accountDnsDomain(await tx.accounts.get(accountId), deps.dnsDomain);
  const created_at = metaTime(user.createdAt);
  const own: ActivityNote =
    as !== undefined
      ? { activity: as, initiatorId: by, targetId: id }
      : user.isServiceUser
        ? { activity: 'ServiceUserDeleted', initiatorId: by, targetId: id, meta: { name: user.name, created_at } }
        : { activity: 'UserDeleted', initiatorId: by, targetId: id, meta: { name: user.name, email: user.email, created_at } };
  await recordActivity(tx, deps.clock, accountId, [
    ...peers.map((p): ActivityNote => ({ activity: 'PeerRemovedByUser', initiatorId: by, targetId: p.id, meta: peerEventMeta(p, dnsDomain) })),
    own,
  ]);
}

export function createUserService(deps: DomainDeps): UserService {
  const repos = deps.store.repos;
  const service: UserService = {
    list: (accountId) => repos.users.list(accountId),
    get: (accountId, id) => mustGet(repos, accountId, id),
    create: (accountId, input, by = SYSTEM_INITIATOR, alsoInTx) =>
      transact(deps, async (tx) => {
        checkRole(input.role, input.isServiceUser);
        const user: User = {
          id: input.id ?? deps.ids.next(),
          accountId,
          role: input.role,
          isServiceUser: input.isServiceUser,
          name: input.name,
          email: input.email,
          autoGroups: await checkAutoGroups(tx, accountId, input.autoGroups),
          blocked: false,
          pendingApproval: false,
          issued: 'api',
          lastLogin: null,
          createdAt: deps.clock.now(),
        };
        await tx.users.insert(user);
        await alsoInTx?.(tx);
        await bumpSerial(tx, accountId, 'user-created');
        const activity = user.isServiceUser ? 'ServiceUserCreated' : 'UserInvited';
        await recordActivity(tx, deps.clock, accountId, [{ activity, initiatorId: by, targetId: user.id, meta: user.isServiceUser ? { name: user.name } : {} }]);
        return user;
      }),
    update: (accountId, id, update, initiatorId) =>
      transact(deps, async (tx) => {
        const old = await mustGet(tx, accountId, id);
        let previousOwner: User | undefined;
        if (initiatorId === undefined) checkUnattributedUpdate(old, update);
        else previousOwner = await checkAttributedUpdate(tx, accountId, old, update, initiatorId);
        const autoGroups = update.autoGroups === undefined ? old.autoGroups : await checkAutoGroups(tx, accountId, update.autoGroups, id);
        const user: User = { ...old, role: update.role ?? old.role, blocked: update.blocked ?? old.blocked, autoGroups };
        if (previousOwner !== undefined) await tx.users.update({ ...previousOwner, role: 'admin' });
        await tx.users.update(user);
        if (user.blocked && !old.blocked) await expireSsoPeersOf(tx, accountId, id);
        await bumpSerial(tx, accountId, 'user-updated');
        const groupNames = new Map((await tx.groups.list(accountId)).map((g) => [g.id, g.name]));
        await recordActivity(tx, deps.clock, accountId, userUpdateNotes(old, user, groupNames, initiatorId ?? SYSTEM_INITIATOR, previousOwner !== undefined));
        return user;
      }),
    delete: (accountId, id, by = SYSTEM_INITIATOR) => transact(deps, (tx) => deleteUser(deps, tx, accountId, id, by, undefined)),
    approve: (accountId, id, by = SYSTEM_INITIATOR) =>
      transact(deps, async (tx) => {
        const user = { ...(await mustGetPending(tx, accountId, id)), blocked: false, pendingApproval: false };
        await tx.users.update(user);
        await bumpSerial(tx, accountId, 'user-updated');
        await recordActivity(tx, deps.clock, accountId, [{ activity: 'UserApproved', initiatorId: by, targetId: id }]);
        return user;
      }),
    reject: async (accountId, id, by = SYSTEM_INITIATOR) => {
      await mustGetPending(deps.store.repos, accountId, id);
      await transact(deps, (tx) => deleteUser(deps, tx, accountId, id, by, 'UserRejected'));
    },
  };
  return service;
}
