/** Upstream's default and minimum invite lifetimes (IDENTITY.md §5.2), in seconds. */
export const DEFAULT_INVITE_SECONDS = 259_200;
export const MIN_INVITE_SECONDS = 3600;

/** `expires_in` → lifetime in seconds: absent or ≤ 0 is the default; a string is the 422 message. */
export function inviteLifetime(expiresIn: number | undefined): number | string {
  if (expiresIn === undefined || expiresIn <= 0) return DEFAULT_INVITE_SECONDS;
  if (expiresIn < MIN_INVITE_SECONDS) return 'invite expiration must be at least 1 hour';
  return expiresIn;
}

/** The password policy for accepting an invite (the 422 `invalid password: …` reason), or undefined. */
export function invitePasswordProblem(password: string): string | undefined {
  if (password.length < 8) return 'password must be at least 8 characters long';
  if (!/[0-9]/.test(password)) return 'password must contain at least one digit';
  if (!/[A-Z]/.test(password)) return 'password must contain at least one uppercase letter';
  if (!/[^\p{L}\p{N}]/u.test(password)) return 'password must contain at least one special character';
  // bcrypt reads at most 72 bytes; a longer password would be silently cut.
  if (Buffer.byteLength(password) > 72) return 'password must be at most 72 characters';
  return undefined;
}
