import { DEFAULT_ACCOUNT_SETTINGS } from '../accounts/default-account-settings.js';
import { defaultPolicy } from '../accounts/default-policy.js';
import { pickAccountNetwork } from '../accounts/pick-account-network.js';
import type { DomainDeps } from '../domain-deps.js';
import { ALL_GROUP_NAME, type Account, type User } from '../model.js';
import { cryptoRandom } from '../random.js';
import type { DomainTx } from '../transact.js';
import { recordActivity } from '../activity/record-activity.js';

/**
 * The domain of the single account (IDENTITY.md §10): upstream's single-account mode gives its
 * account this domain, category `private`, primary, so every SSO user joins it.
 */
export const SINGLE_ACCOUNT_DOMAIN = 'netbird.selfhosted';

/**
 * A new account owned by `owner` (SEMANTICS.md §1.1, upstream's `newAccountWithId`), as
 * `roost init` makes one: a random /16 of 100.64.0.0/10 at serial 0, the new-account settings,
 * the `All` group and the `Default` policy. Inserts the owner too.
 */
export async function createAccountForUser(deps: DomainDeps, tx: DomainTx, owner: Omit<User, 'accountId'>, now: number): Promise<{ account: Account; user: User }> {
  const accountId = deps.ids.next();
  const account: Account = {
    id: accountId,
    createdBy: owner.id,
    createdAt: now,
    domain: SINGLE_ACCOUNT_DOMAIN,
    network: { identifier: deps.ids.next(), net: pickAccountNetwork(deps.random ?? cryptoRandom), serial: 0 },
    settings: DEFAULT_ACCOUNT_SETTINGS,
    dnsSettings: { disabledManagementGroups: [] },
  };
  const user: User = { ...owner, accountId };
  await tx.accounts.insert(account);
  await tx.users.insert(user);
  const allId = deps.ids.next();
  await tx.groups.insert({ id: allId, accountId, name: ALL_GROUP_NAME, issued: 'api', peers: [] });
  await tx.policies.insert(defaultPolicy(accountId, deps.ids.next(), allId));
  await recordActivity(tx, deps.clock, accountId, [{ activity: 'AccountCreated', initiatorId: owner.id, targetId: accountId }]);
  return { account, user };
}
