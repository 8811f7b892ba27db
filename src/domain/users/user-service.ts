import type { DomainDeps } from '../domain-deps.js';
import { invalidArgument, notFound, permissionDenied } from '../errors.js';
import { bumpSerial } from '../map-relevant-changes.js';
import { ALL_GROUP_NAME, type User, type UserRole } from '../model.js';
import { removePeer } from '../peers/delete-peer.js';
import type { Repositories } from '../ports/repositories.js';
import { transact, type DomainTx } from '../transact.js';

const ROLES: readonly UserRole[] = ['owner', 'admin', 'user', 'billing_admin', 'auditor', 'network_admin'];

export interface UserInput {
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
  create(accountId: string, input: UserInput): Promise<User>;
  update(accountId: string, id: string, update: UserUpdate): Promise<User>;
  /** Deletes the user, their tokens and the peers they enrolled; the owner cannot be deleted. */
  delete(accountId: string, id: string): Promise<void>;
}

async function mustGet(repos: Repositories, accountId: string, id: string): Promise<User> {
  const u = await repos.users.get(id);
  if (u === undefined || u.accountId !== accountId) throw notFound(`user ${id} not found`);
  return u;
}

function checkRole(role: UserRole): void {
  if (!ROLES.includes(role)) throw invalidArgument(`invalid role ${JSON.stringify(role)}`);
  if (role === 'owner') throw permissionDenied('the owner role cannot be given');
}

async function checkAutoGroups(tx: DomainTx, accountId: string, autoGroups: readonly string[]): Promise<string[]> {
  const groups = new Map((await tx.groups.list(accountId)).map((g) => [g.id, g.name]));
  for (const id of autoGroups) {
    if (!groups.has(id)) throw invalidArgument(`group ${id} not found`);
    if (groups.get(id) === ALL_GROUP_NAME) throw invalidArgument(`can't add the ${ALL_GROUP_NAME} group to auto-groups`);
  }
  return [...new Set(autoGroups)];
}

function applyUpdate(old: User, u: UserUpdate): User {
  if (old.role === 'owner' && ((u.role !== undefined && u.role !== 'owner') || u.blocked === true)) {
    throw permissionDenied('the owner cannot be demoted or blocked');
  }
  if (u.role !== undefined && u.role !== old.role) checkRole(u.role);
  return { ...old, role: u.role ?? old.role, blocked: u.blocked ?? old.blocked };
}

export function createUserService(deps: DomainDeps): UserService {
  const repos = deps.store.repos;
  return {
    list: (accountId) => repos.users.list(accountId),
    get: (accountId, id) => mustGet(repos, accountId, id),
    create: (accountId, input) =>
      transact(deps, async (tx) => {
        checkRole(input.role);
        const user: User = {
          id: deps.ids.next(),
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
        await bumpSerial(tx, accountId, 'user-created');
        return user;
      }),
    update: (accountId, id, update) =>
      transact(deps, async (tx) => {
        const old = await mustGet(tx, accountId, id);
        const autoGroups = update.autoGroups === undefined ? old.autoGroups : await checkAutoGroups(tx, accountId, update.autoGroups);
        const user = { ...applyUpdate(old, update), autoGroups };
        await tx.users.update(user);
        await bumpSerial(tx, accountId, 'user-updated');
        return user;
      }),
    delete: (accountId, id) =>
      transact(deps, async (tx) => {
        const user = await mustGet(tx, accountId, id);
        if (user.role === 'owner') throw permissionDenied('the owner cannot be deleted');
        const peers = (await tx.peers.list(accountId)).filter((p) => p.userId === id);
        for (const p of peers) await removePeer(tx, p);
        await tx.users.delete(accountId, id);
        await bumpSerial(tx, accountId, 'user-deleted', { peers: 'all', deletedPeers: peers.map((p) => ({ id: p.id, key: p.key })) });
      }),
  };
}
