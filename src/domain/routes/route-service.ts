import type { DomainDeps } from '../domain-deps.js';
import { invalidArgument, notFound } from '../errors.js';
import { bumpSerial } from '../map-relevant-changes.js';
import type { Route } from '../model.js';
import type { Repositories } from '../ports/repositories.js';
import { transact, type DomainTx } from '../transact.js';
import { checkRoute, type RouteShape } from './check-route.js';
import { SYSTEM_INITIATOR, type InitiatorId } from '../activity/activity-event.js';
import { recordActivity } from '../activity/record-activity.js';
import { routeEventMeta } from '../activity/event-meta.js';

export interface RouteInput extends RouteShape {
  readonly description?: string;
  readonly keepRoute?: boolean;
  readonly masquerade: boolean;
  readonly enabled: boolean;
  readonly accessControlGroups?: readonly string[];
  readonly skipAutoApply?: boolean;
}

export interface RouteService {
  list(accountId: string): Promise<Route[]>;
  get(accountId: string, id: string): Promise<Route>;
  create(accountId: string, input: RouteInput, by?: InitiatorId): Promise<Route>;
  update(accountId: string, id: string, input: RouteInput, by?: InitiatorId): Promise<Route>;
  delete(accountId: string, id: string, by?: InitiatorId): Promise<void>;
}

function build(accountId: string, id: string, input: RouteInput): Route {
  return {
    id,
    accountId,
    netId: input.netId,
    description: input.description ?? '',
    ...checkRoute(input),
    keepRoute: input.keepRoute ?? false,
    peer: input.peer ?? '',
    peerGroups: [...(input.peerGroups ?? [])],
    metric: input.metric,
    masquerade: input.masquerade,
    enabled: input.enabled,
    groups: [...input.groups],
    accessControlGroups: [...(input.accessControlGroups ?? [])],
    skipAutoApply: input.skipAutoApply ?? false,
  };
}

async function checkReferences(tx: DomainTx, r: Route): Promise<void> {
  const groupIds = new Set((await tx.groups.list(r.accountId)).map((g) => g.id));
  const missing = [...r.groups, ...r.peerGroups, ...r.accessControlGroups].find((g) => !groupIds.has(g));
  if (missing !== undefined) throw invalidArgument(`group ${missing} not found`);
  if (r.peer !== '' && (await tx.peers.get(r.accountId, r.peer)) === undefined) throw invalidArgument(`peer ${r.peer} not found`);
}

async function mustGet(repos: Repositories, accountId: string, id: string): Promise<Route> {
  const r = await repos.routes.get(accountId, id);
  if (r === undefined) throw notFound(`route ${id} not found`);
  return r;
}

export function createRouteService(deps: DomainDeps): RouteService {
  const repos = deps.store.repos;
  const save = (accountId: string, id: string | undefined, input: RouteInput, by: InitiatorId): Promise<Route> =>
    transact(deps, async (tx) => {
      if (id !== undefined) await mustGet(tx, accountId, id);
      const route = build(accountId, id ?? deps.ids.next(), input);
      await checkReferences(tx, route);
      if (id === undefined) await tx.routes.insert(route);
      else await tx.routes.update(route);
      await bumpSerial(tx, accountId, id === undefined ? 'route-created' : 'route-updated');
      const activity = id === undefined ? 'RouteCreated' : 'RouteUpdated';
      await recordActivity(tx, deps.clock, accountId, [{ activity, initiatorId: by, targetId: route.id, meta: routeEventMeta(route) }]);
      return route;
    });
  return {
    list: (accountId) => repos.routes.list(accountId),
    get: (accountId, id) => mustGet(repos, accountId, id),
    create: (accountId, input, by = SYSTEM_INITIATOR) => save(accountId, undefined, input, by),
    update: (accountId, id, input, by = SYSTEM_INITIATOR) => save(accountId, id, input, by),
    delete: (accountId, id, by = SYSTEM_INITIATOR) =>
      transact(deps, async (tx) => {
        const route = await mustGet(tx, accountId, id);
        await tx.routes.delete(accountId, id);
        await bumpSerial(tx, accountId, 'route-deleted');
        await recordActivity(tx, deps.clock, accountId, [{ activity: 'RouteRemoved', initiatorId: by, targetId: id, meta: routeEventMeta(route) }]);
      }),
  };
}
