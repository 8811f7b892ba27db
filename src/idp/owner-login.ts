import type { Clock } from '../domain/clock.js';
import type { IdpRepository } from '../store/index.js';
import { LocalUsers } from './local-users.js';
import { hashPassword } from './password-hash.js';
import { setupRequestProblem } from './setup-request-problem.js';

/**
 * Why `roost init --owner-email E --owner-password-file F` cannot give the owner this login
 * (IDENTITY.md §10): the first owner's rules of `/api/setup`, in its words; undefined when fine.
 * A password file's final line break is not part of the password.
 */
export function ownerLoginProblem(email: string, password: string): string | undefined {
  return setupRequestProblem({ email, name: 'owner', password });
}

/** The password as written in a file: without the trailing line break editors add. */
export function passwordFromFile(text: string): string {
  return text.replace(/\r?\n$/, '');
}

/**
 * Gives `roost init`'s owner (`ownerId`) an e-mail + password login of the embedded IdP: its
 * `sub` is the owner's id, so signing in is that owner. Run again, it sets the password anew.
 */
export async function giveOwnerLogin(deps: { repo: IdpRepository; clock: Clock }, ownerId: string, email: string, password: string): Promise<void> {
  const users = new LocalUsers(deps);
  await users.seedOwner({ email, hash: await hashPassword(password), username: email }, ownerId);
}
