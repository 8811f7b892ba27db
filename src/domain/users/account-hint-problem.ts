/**
 * The account-ID claim (`<AuthAudience>/wt_account_id`, Auth0 style; IDENTITY.md §2.4 step 4):
 * when present, the user must already exist in exactly that account — an unknown user is refused
 * too, as upstream. Returns what is wrong, or undefined.
 */
export function accountHintProblem(s: { userId: string; hint: string; userAccountId: string | undefined }): string | undefined {
  if (s.hint === '' || s.hint === s.userAccountId) return undefined;
  if (s.userAccountId === undefined) return `user ${s.userId} not found`;
  return `user ${s.userId} is not part of the account id ${s.hint}`;
}
