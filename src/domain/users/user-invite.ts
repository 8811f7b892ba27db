/** A pending invite link of the embedded IdP (IDENTITY.md §5.2); only the token's hash is kept. */
export interface UserInvite {
  readonly id: string;
  readonly accountId: string;
  /** Lower-cased. */
  readonly email: string;
  readonly name: string;
  /** As requested: upstream does not validate it until acceptance. */
  readonly role: string;
  readonly autoGroups: readonly string[];
  readonly hashedToken: string;
  readonly expiresAtMs: number;
  readonly createdAtMs: number;
  /** The user who made it. */
  readonly createdBy: string;
}

/** Where invites are kept (the store's `user_invites`). */
export interface InviteStore {
  /** False when the account already has an invite for that e-mail (or the token hash is taken). */
  insert(invite: UserInvite): Promise<boolean>;
  list(accountId: string): Promise<UserInvite[]>;
  findById(accountId: string, id: string): Promise<UserInvite | undefined>;
  findByHashedToken(hashedToken: string): Promise<UserInvite | undefined>;
  /** False when there was nothing to delete (so of two acceptances only one wins). */
  delete(accountId: string, id: string): Promise<boolean>;
  /** A new token and expiry; false when the invite is gone. */
  replaceToken(accountId: string, id: string, hashedToken: string, expiresAtMs: number): Promise<boolean>;
}
