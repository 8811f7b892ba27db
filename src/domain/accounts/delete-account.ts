import type { DomainDeps } from '../domain-deps.js';
import { notFound, permissionDenied } from '../errors.js';
import { transact } from '../transact.js';

/** `DELETE /api/accounts/{id}` (upstream `DeleteAccount`). */
export interface AccountDeletion {
  /**
   * Deletes the account with everything in it — peers, users and their tokens, groups,
   * policies, routes, DNS, zones, keys — in one transaction; only its owner may. Live streams
   * of its peers get the "deleted" map and end.
   */
  deleteAccount(accountId: string, callerUserId: string): Promise<void>;
}

export function createAccountDeletion(deps: DomainDeps): AccountDeletion {
  return {
    deleteAccount: (accountId, callerUserId) =>
      transact(deps, async (tx) => {
        const account = await tx.accounts.get(accountId);
        if (account === undefined) throw notFound('account not found');
        const caller = await tx.users.get(callerUserId);
        if (caller === undefined || caller.accountId !== accountId || caller.role !== 'owner') {
          throw permissionDenied('user is not allowed to delete account. Only account owner can delete account');
        }
        const peers = await tx.peers.list(accountId);
        await tx.accounts.deleteWithEverything(accountId);
        // No account row is left to bump: the change carries the next serial it would have had.
        tx.changes.record(accountId, account.network.serial + 1, 'account-deleted', {
          peers: [],
          deletedPeers: peers.map((p) => ({ id: p.id, key: p.key })),
        });
      }),
  };
}
