import type { DomainDeps } from '../domain-deps.js';
import type { Account, User } from '../model.js';
import { transact, type DomainTx } from '../transact.js';
import { createAccountForUser } from '../users/create-account-for-user.js';

export interface DefaultAccount {
  readonly account: Account;
  readonly owner: User;
  /** False when the account already existed. */
  readonly created: boolean;
}

function ownerUser(id: string, accountId: string, now: number): User {
  return {
    id,
    accountId,
    role: 'owner',
    isServiceUser: false,
    name: 'owner',
    email: '',
    autoGroups: [],
    blocked: false,
    pendingApproval: false,
    issued: 'api',
    lastLogin: null,
    createdAt: now,
  };
}

async function existing(deps: DomainDeps, tx: DomainTx, account: Account, now: number): Promise<DefaultAccount> {
  const owner = (await tx.users.list(account.id)).find((u) => u.role === 'owner');
  if (owner !== undefined) return { account, owner, created: false };
  const created = ownerUser(deps.ids.next(), account.id, now);
  await tx.users.insert(created);
  return { account, owner: created, created: false };
}

/**
 * Bootstrap for `roost init` (SEMANTICS.md §1.1): when the store has no account, creates one
 * with a random /16 of 100.64.0.0/10 (serial 0), default settings, an owner user, the `All`
 * group and the `Default` policy. Idempotent: otherwise returns the oldest account and its
 * owner (creating the owner if it went missing).
 */
export async function ensureDefaultAccount(deps: DomainDeps, opts: { now?: number } = {}): Promise<DefaultAccount> {
  const now = opts.now ?? deps.clock.now();
  return transact(deps, async (tx) => {
    const first = await tx.accounts.first();
    if (first !== undefined) return existing(deps, tx, first, now);
    const { account, user } = await createAccountForUser(deps, tx, ownerUser(deps.ids.next(), '', now), now);
    return { account, owner: user, created: true };
  });
}
