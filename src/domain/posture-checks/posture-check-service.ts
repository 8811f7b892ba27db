import type { DomainDeps } from '../domain-deps.js';
import { alreadyExists, invalidArgument, notFound, preconditionFailed } from '../errors.js';
import { bumpSerial } from '../map-relevant-changes.js';
import type { PostureCheck, PostureCheckDefinition } from '../model.js';
import type { Repositories } from '../ports/repositories.js';
import { transact, type DomainTx } from '../transact.js';
import { checkPostureDefinition } from './check-posture-definition.js';
import { SYSTEM_INITIATOR, type InitiatorId } from '../activity/activity-event.js';
import { recordActivity } from '../activity/record-activity.js';

export interface PostureCheckInput {
  readonly name: string;
  readonly description?: string;
  readonly checks: PostureCheckDefinition;
}

export interface PostureCheckService {
  list(accountId: string): Promise<PostureCheck[]>;
  get(accountId: string, id: string): Promise<PostureCheck>;
  /** No serial bump: an unreferenced check changes no map (SEMANTICS.md §5.1). */
  create(accountId: string, input: PostureCheckInput, by?: InitiatorId): Promise<PostureCheck>;
  update(accountId: string, id: string, input: PostureCheckInput, by?: InitiatorId): Promise<PostureCheck>;
  /** Refused (PreconditionFailed) while a policy uses the check. */
  delete(accountId: string, id: string, by?: InitiatorId): Promise<void>;
}

async function checkInput(tx: DomainTx, accountId: string, input: PostureCheckInput, selfId: string | undefined): Promise<void> {
  if (input.name.trim() === '') throw invalidArgument('posture check name must not be empty');
  checkPostureDefinition(input.checks);
  const clash = (await tx.postureChecks.list(accountId)).find((c) => c.name === input.name && c.id !== selfId);
  if (clash !== undefined) throw alreadyExists(`posture check with name ${input.name} already exists`);
}

export function createPostureCheckService(deps: DomainDeps): PostureCheckService {
  const repos = deps.store.repos;
  const mustGet = async (tx: Repositories, accountId: string, id: string): Promise<PostureCheck> => {
    const c = await tx.postureChecks.get(accountId, id);
    if (c === undefined) throw notFound(`posture check ${id} not found`);
    return c;
  };
  const build = (accountId: string, id: string, input: PostureCheckInput): PostureCheck => ({
    id,
    accountId,
    name: input.name,
    description: input.description ?? '',
    checks: input.checks,
  });
  return {
    list: (accountId) => repos.postureChecks.list(accountId),
    get: (accountId, id) => mustGet(repos, accountId, id),
    create: (accountId, input, by = SYSTEM_INITIATOR) =>
      transact(deps, async (tx) => {
        await checkInput(tx, accountId, input, undefined);
        const check = build(accountId, deps.ids.next(), input);
        await tx.postureChecks.insert(check);
        await recordActivity(tx, deps.clock, accountId, [{ activity: 'PostureCheckCreated', initiatorId: by, targetId: check.id, meta: { name: check.name } }]);
        return check;
      }),
    update: (accountId, id, input, by = SYSTEM_INITIATOR) =>
      transact(deps, async (tx) => {
        await mustGet(tx, accountId, id);
        await checkInput(tx, accountId, input, id);
        const check = build(accountId, id, input);
        await tx.postureChecks.update(check);
        await bumpSerial(tx, accountId, 'posture-check-updated');
        await recordActivity(tx, deps.clock, accountId, [{ activity: 'PostureCheckUpdated', initiatorId: by, targetId: id, meta: { name: check.name } }]);
        return check;
      }),
    delete: (accountId, id, by = SYSTEM_INITIATOR) =>
      transact(deps, async (tx) => {
        const check = await mustGet(tx, accountId, id);
        const users = (await tx.policies.list(accountId)).filter((p) => p.sourcePostureChecks.includes(id));
        if (users.length > 0) throw preconditionFailed(`posture check ${check.name} is used by policy ${users.map((p) => p.name).join(', ')}`);
        await tx.postureChecks.delete(accountId, id);
        await bumpSerial(tx, accountId, 'posture-check-deleted');
        await recordActivity(tx, deps.clock, accountId, [{ activity: 'PostureCheckDeleted', initiatorId: by, targetId: id, meta: { name: check.name } }]);
      }),
  };
}
