import type { Account, UserRole } from '../model.js';

/** Where a user a token names for the first time goes, and as what. */
export type NewUserPlacement =
  | { readonly kind: 'join'; readonly accountId: string; readonly role: UserRole; readonly pendingApproval: boolean }
  | { readonly kind: 'new-account'; readonly role: UserRole; readonly pendingApproval: false };

/**
 * Single-account mode (IDENTITY.md §2.4, §10): a new SSO user joins the store's account — the
 * one `roost init` made — as `user`, pending approval (and so blocked) while the account's
 * `user_approval_required` is on; the first user of an empty store creates the account and owns
 * it.
 */
export function placeNewUser(existing: Pick<Account, 'id' | 'settings'> | undefined): NewUserPlacement {
  if (existing === undefined) return { kind: 'new-account', role: 'owner', pendingApproval: false };
  return { kind: 'join', accountId: existing.id, role: 'user', pendingApproval: existing.settings.userApprovalRequired };
}
