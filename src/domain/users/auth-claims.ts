/**
 * Who a validated token speaks for, as the domain needs it (IDENTITY.md §2.3); the identity
 * module's JWT validator produces it (its `UserAuth`). Optional claims are '' (or undefined)
 * when absent.
 */
export interface AuthClaims {
  readonly userId: string;
  /** `<AuthAudience>/wt_account_id`: the account the IdP says the user belongs to ('' when absent). */
  readonly accountId: string;
  readonly domain: string;
  readonly domainCategory: string;
  /** `<AuthAudience>/nb_last_login` in epoch ms; undefined when absent. */
  readonly lastLoginMs: number | undefined;
  readonly invited: boolean;
  /** Stored only when the user is created. */
  readonly email: string;
  readonly name: string;
  /** The whole payload: the groups claim is named by an account setting. */
  readonly claims: Readonly<Record<string, unknown>>;
}
