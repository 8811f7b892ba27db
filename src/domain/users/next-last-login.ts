import type { Millis } from '../model.js';

/**
 * The user's `last_login` after a token carrying `nb_last_login` (IDENTITY.md §2.3): the claim's
 * time when it is newer than the stored one. Forward only, so an older dashboard sign-in time
 * never hides a later SSO peer login. Undefined when nothing changes.
 */
export function nextLastLogin(stored: Millis | null, claimed: Millis | undefined): Millis | undefined {
  if (claimed === undefined) return undefined;
  return stored === null || claimed > stored ? claimed : undefined;
}
