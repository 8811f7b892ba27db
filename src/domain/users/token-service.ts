import type { DomainDeps } from '../domain-deps.js';
import { notFound } from '../errors.js';
import type { PersonalAccessToken } from '../model.js';
import type { Repositories } from '../ports/repositories.js';
import { authenticateToken, createPersonalAccessToken, identifyToken, type Authenticated, type CreatedToken } from './personal-access-tokens.js';
import { SYSTEM_INITIATOR, type InitiatorId } from '../activity/activity-event.js';
import { recordActivity } from '../activity/record-activity.js';
import { userEventMeta } from '../activity/event-meta.js';
import { transact } from '../transact.js';

/** The admin API's `users/{id}/tokens` resource plus token authentication. */
export interface TokenService {
  list(accountId: string, userId: string): Promise<PersonalAccessToken[]>;
  get(accountId: string, userId: string, tokenId: string): Promise<PersonalAccessToken>;
  create(accountId: string, userId: string, input: { name: string; expiresInDays: number }, createdBy?: string): Promise<CreatedToken>;
  delete(accountId: string, userId: string, tokenId: string, by?: InitiatorId): Promise<void>;
  /** The token's user and account; a blocked user is refused (PermissionDenied). */
  authenticate(plain: string): Promise<Authenticated>;
  /** The token's user and account whatever the user's state; callers check blocked users themselves. */
  identify(plain: string): Promise<Authenticated>;
}

/** A user of another account is as absent as a missing one. */
async function checkUser(repos: Repositories, accountId: string, userId: string): Promise<void> {
  const user = await repos.users.get(userId);
  if (user === undefined || user.accountId !== accountId) throw notFound(`user ${userId} not found`);
}

export function createTokenService(deps: DomainDeps): TokenService {
  const repos = deps.store.repos;
  const mustGet = async (userId: string, tokenId: string): Promise<PersonalAccessToken> => {
    const t = await repos.tokens.get(userId, tokenId);
    if (t === undefined) throw notFound(`token ${tokenId} not found`);
    return t;
  };
  return {
    async list(accountId, userId) {
      await checkUser(repos, accountId, userId);
      return repos.tokens.listByUser(userId);
    },
    async get(accountId, userId, tokenId) {
      await checkUser(repos, accountId, userId);
      return mustGet(userId, tokenId);
    },
    async create(accountId, userId, input, createdBy) {
      await checkUser(repos, accountId, userId);
      return createPersonalAccessToken(deps, { userId, ...input, ...(createdBy === undefined ? {} : { createdBy }) });
    },
    async delete(accountId, userId, tokenId, by = SYSTEM_INITIATOR) {
      await checkUser(repos, accountId, userId);
      const token = await mustGet(userId, tokenId);
      await transact(deps, async (tx) => {
        const owner = await tx.users.get(userId);
        await tx.tokens.delete(userId, tokenId);
        if (owner === undefined) return;
        await recordActivity(tx, deps.clock, accountId, [
          { activity: 'PersonalAccessTokenDeleted', initiatorId: by, targetId: userId, meta: { name: token.name, ...userEventMeta(owner) } },
        ]);
      });
    },
    authenticate: (plain) => authenticateToken(deps, plain),
    identify: (plain) => identifyToken(deps, plain),
  };
}
