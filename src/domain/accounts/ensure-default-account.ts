import type { DomainDeps } from '../domain-deps.js';
import { ALL_GROUP_NAME, type Account, type User } from '../model.js';
import { cryptoRandom } from '../random.js';
import { transact, type DomainTx } from '../transact.js';
import { DEFAULT_ACCOUNT_SETTINGS } from './default-account-settings.js';
import { defaultPolicy } from './default-policy.js';
import { pickAccountNetwork } from './pick-account-network.js';

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
    const accountId = deps.ids.next();
    const owner = ownerUser(deps.ids.next(), accountId, now);
    const account: Account = {
      id: accountId,
      createdBy: owner.id,
      createdAt: now,
      domain: '',
      network: { identifier: deps.ids.next(), net: pickAccountNetwork(deps.random ?? cryptoRandom), serial: 0 },
      settings: DEFAULT_ACCOUNT_SETTINGS,
      dnsSettings: { disabledManagementGroups: [] },
    };
    await tx.accounts.insert(account);
    await tx.users.insert(owner);
    const allId = deps.ids.next();
    await tx.groups.insert({ id: allId, accountId, name: ALL_GROUP_NAME, issued: 'api', peers: [] });
    await tx.policies.insert(defaultPolicy(accountId, deps.ids.next(), allId));
    return { account, owner, created: true };
  });
}
