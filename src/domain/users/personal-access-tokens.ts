import type { DomainDeps } from '../domain-deps.js';
import { invalidArgument, notFound, permissionDenied, unauthenticated } from '../errors.js';
import type { Account, PersonalAccessToken, User } from '../model.js';
import { cryptoRandom } from '../random.js';
import { transact } from '../transact.js';
import { generatePlainToken, hashToken, isWellFormedToken } from './personal-access-token-format.js';
import { userEventMeta } from '../activity/event-meta.js';
import { recordActivity } from '../activity/record-activity.js';

const DAY_MS = 86_400_000;
export const MAX_TOKEN_DAYS = 365;

export interface CreateTokenInput {
  readonly userId: string;
  readonly name: string;
  /** 1..365. */
  readonly expiresInDays: number;
  /** Who issues it; the user themself when absent. */
  readonly createdBy?: string;
}

export interface CreatedToken {
  /** Returned once; only its hash is stored. */
  readonly plainToken: string;
  readonly token: PersonalAccessToken;
}

export interface Authenticated {
  readonly user: User;
  readonly account: Account;
  readonly token: PersonalAccessToken;
}

/** Upstream's checks of a token request, made before any permission check (InvalidArgument, its messages). */
export function checkTokenInput(input: Pick<CreateTokenInput, 'name' | 'expiresInDays'>): void {
  if (input.name.trim() === '') throw invalidArgument("token name can't be empty");
  if (!Number.isInteger(input.expiresInDays) || input.expiresInDays < 1 || input.expiresInDays > MAX_TOKEN_DAYS) {
    throw invalidArgument(`expiration has to be between 1 and ${MAX_TOKEN_DAYS}`);
  }
}

/** Issues a personal access token for an existing user (NotFound otherwise). */
export async function createPersonalAccessToken(deps: DomainDeps, input: CreateTokenInput): Promise<CreatedToken> {
  checkTokenInput(input);
  return transact(deps, async (tx) => {
    const owner = await tx.users.get(input.userId);
    if (owner === undefined) throw notFound(`user ${input.userId} not found`);
    const now = deps.clock.now();
    const plainToken = generatePlainToken(deps.random ?? cryptoRandom);
    const token: PersonalAccessToken = {
      id: deps.ids.next(),
      userId: input.userId,
      name: input.name,
      hashedToken: hashToken(plainToken),
      expiresAt: now + input.expiresInDays * DAY_MS,
      createdBy: input.createdBy ?? input.userId,
      createdAt: now,
      lastUsed: null,
    };
    await tx.tokens.insert(token);
    await recordActivity(tx, deps.clock, owner.accountId, [
      { activity: 'PersonalAccessTokenCreated', initiatorId: token.createdBy, targetId: owner.id, meta: { name: token.name, ...userEventMeta(owner) } },
    ]);
    return { plainToken, token };
  });
}

/**
 * Resolves `Authorization: Token <plain>` to its user and account, whatever the user's state:
 * bad format or checksum, unknown, expired → all Unauthenticated (one message, nothing to
 * probe). Records lastUsed. The REST edge uses this and refuses blocked users per call, with
 * upstream's messages (IDENTITY.md §3.4).
 */
export async function identifyToken(deps: DomainDeps, plain: string): Promise<Authenticated> {
  const denied = unauthenticated('invalid or expired token');
  if (!isWellFormedToken(plain)) throw denied;
  const repos = deps.store.repos;
  const token = await repos.tokens.findByHash(hashToken(plain));
  const now = deps.clock.now();
  if (token === undefined || token.expiresAt <= now) throw denied;
  const user = await repos.users.get(token.userId);
  const account = user === undefined ? undefined : await repos.accounts.get(user.accountId);
  if (user === undefined || account === undefined) throw denied;
  await repos.tokens.touch(token.id, now);
  return { user, account, token: { ...token, lastUsed: now } };
}

/** `identifyToken`, refusing a blocked user (PermissionDenied). */
export async function authenticateToken(deps: DomainDeps, plain: string): Promise<Authenticated> {
  const found = await identifyToken(deps, plain);
  if (found.user.blocked) throw permissionDenied('user is blocked');
  return found;
}
