import { isRoostError, notFound } from '../../domain/errors.js';
import { hashToken, isWellFormedToken } from '../../domain/users/personal-access-token-format.js';
import type { RestDeps } from '../rest-deps.js';
import type { Caller } from './caller.js';
import { tokenInvalid } from './token-invalid.js';

/**
 * The caller a personal access token speaks for (IDENTITY.md §3.1, CONTRACT.md): malformed,
 * expired or ownerless → 401 `token invalid`. A well-formed token nobody issued is upstream's
 * 404 `invalid token: pat: <hash> not found` (an Observation kept for compatibility; the hash is
 * of what the caller sent, so it reveals nothing). The token's use is recorded by `identify`.
 */
export async function identifyPat(deps: Pick<RestDeps, 'tokens' | 'tokenHashes'>, credential: string | undefined): Promise<Caller> {
  if (credential === undefined || !isWellFormedToken(credential)) throw tokenInvalid();
  try {
    const { user, account } = await deps.tokens.identify(credential);
    return { user, account };
  } catch (err) {
    if (!isRoostError(err, 'Unauthenticated')) throw err;
    const hash = hashToken(credential);
    if (deps.tokenHashes !== undefined && (await deps.tokenHashes.findByHash(hash)) === undefined) {
      // Upstream lower-cases every message it writes, the base64 hash included.
      throw notFound(`invalid token: pat: ${hash.toLowerCase()} not found`);
    }
    throw tokenInvalid();
  }
}
