import type { DomainDeps } from '../domain-deps.js';
import { invalidArgument, notFound, preconditionFailed } from '../errors.js';
import { ALL_GROUP_NAME, type SetupKey, type SetupKeyType } from '../model.js';
import type { Repositories } from '../ports/repositories.js';
import { cryptoRandom } from '../random.js';
import { transact } from '../transact.js';
import { checkSetupKeyNumbers } from './check-setup-key-numbers.js';
import { generateSetupKeyPlain, hashSetupKey, setupKeySecret } from './setup-key-secret.js';
import { SYSTEM_INITIATOR, type InitiatorId } from '../activity/activity-event.js';
import { recordActivity } from '../activity/record-activity.js';
import { setupKeyEventMeta } from '../activity/event-meta.js';
import { setupKeyGroupNotes } from '../activity/setup-key-group-notes.js';

export interface SetupKeyInput {
  readonly name: string;
  readonly type: SetupKeyType;
  /** Seconds until expiry; 0 = never expires; at most a year. */
  readonly expiresIn: number;
  /** 0 = unlimited; forced to 1 for one-off keys; at most 2^31 - 1. */
  readonly usageLimit: number;
  readonly autoGroups: readonly string[];
  readonly ephemeral: boolean;
  readonly allowExtraDnsLabels: boolean;
}

/** Only the auto-groups and the revocation can change (as upstream); revocation is final. */
export interface SetupKeyUpdate {
  readonly autoGroups: readonly string[];
  readonly revoked: boolean;
}

export interface CreatedSetupKey {
  readonly key: SetupKey;
  /** The plain key, returned once; only its hash is stored. */
  readonly plainKey: string;
}

/** Setup keys never change a network map: none of these bump the serial (SEMANTICS.md §5.1). */
export interface SetupKeyService {
  list(accountId: string): Promise<SetupKey[]>;
  get(accountId: string, id: string): Promise<SetupKey>;
  create(accountId: string, input: SetupKeyInput, by?: InitiatorId): Promise<CreatedSetupKey>;
  update(accountId: string, id: string, update: SetupKeyUpdate, by?: InitiatorId): Promise<SetupKey>;
  delete(accountId: string, id: string, by?: InitiatorId): Promise<void>;
}

/** Auto-groups must exist and may not include `All` (every peer joins it anyway). */
async function checkAutoGroups(repos: Repositories, accountId: string, autoGroups: readonly string[]): Promise<string[]> {
  const groups = new Map((await repos.groups.list(accountId)).map((g) => [g.id, g]));
  for (const id of autoGroups) {
    const g = groups.get(id);
    if (g === undefined) throw invalidArgument(`group ${id} not found`);
    if (g.name === ALL_GROUP_NAME) throw invalidArgument(`can't add the ${ALL_GROUP_NAME} group to a setup key`);
  }
  return [...new Set(autoGroups)];
}

function checkInput(input: SetupKeyInput): void {
  if (input.name.trim() === '') throw invalidArgument('setup key name must not be empty');
  if (input.type !== 'reusable' && input.type !== 'one-off') throw invalidArgument(`invalid setup key type ${JSON.stringify(input.type)}`);
  checkSetupKeyNumbers(input);
}

async function mustGet(repos: Repositories, accountId: string, id: string): Promise<SetupKey> {
  const k = await repos.setupKeys.get(accountId, id);
  if (k === undefined) throw notFound('setup key not found');
  return k;
}

export function createSetupKeyService(deps: DomainDeps): SetupKeyService {
  const repos = deps.store.repos;
  return {
    list: (accountId) => repos.setupKeys.list(accountId),
    get: (accountId, id) => mustGet(repos, accountId, id),
    create: (accountId, input, by = SYSTEM_INITIATOR) =>
      transact(deps, async (tx) => {
        checkInput(input);
        const now = deps.clock.now();
        const plainKey = generateSetupKeyPlain(deps.random ?? cryptoRandom);
        const key: SetupKey = {
          id: deps.ids.next(),
          accountId,
          keyHash: hashSetupKey(plainKey),
          keySecret: setupKeySecret(plainKey),
          name: input.name,
          type: input.type,
          createdAt: now,
          updatedAt: now,
          expiresAt: input.expiresIn === 0 ? null : now + input.expiresIn * 1000,
          revoked: false,
          usedTimes: 0,
          lastUsed: null,
          usageLimit: input.type === 'one-off' ? 1 : input.usageLimit,
          autoGroups: await checkAutoGroups(tx, accountId, input.autoGroups),
          ephemeral: input.ephemeral,
          allowExtraDnsLabels: input.allowExtraDnsLabels,
        };
        await tx.setupKeys.insert(key);
        await recordActivity(tx, deps.clock, accountId, [
          { activity: 'SetupKeyCreated', initiatorId: by, targetId: key.id, meta: setupKeyEventMeta(key) },
          ...(await setupKeyGroupNotes(tx, { ...key, autoGroups: [] }, key, by)),
        ]);
        return { key, plainKey };
      }),
    update: (accountId, id, update, by = SYSTEM_INITIATOR) =>
      transact(deps, async (tx) => {
        const old = await mustGet(tx, accountId, id);
        if (old.revoked && !update.revoked) throw preconditionFailed("can't un-revoke a revoked setup key");
        const key: SetupKey = {
          ...old,
          autoGroups: await checkAutoGroups(tx, accountId, update.autoGroups),
          revoked: update.revoked,
          updatedAt: deps.clock.now(),
        };
        await tx.setupKeys.update(key);
        await recordActivity(tx, deps.clock, accountId, [
          ...(key.revoked && !old.revoked ? [{ activity: 'SetupKeyRevoked' as const, initiatorId: by, targetId: id, meta: setupKeyEventMeta(key) }] : []),
          ...(await setupKeyGroupNotes(tx, old, key, by)),
        ]);
        return key;
      }),
    delete: (accountId, id, by = SYSTEM_INITIATOR) =>
      transact(deps, async (tx) => {
        const key = await mustGet(tx, accountId, id);
        await tx.setupKeys.delete(accountId, id);
        await recordActivity(tx, deps.clock, accountId, [{ activity: 'SetupKeyDeleted', initiatorId: by, targetId: id, meta: setupKeyEventMeta(key) }]);
      }),
  };
}
