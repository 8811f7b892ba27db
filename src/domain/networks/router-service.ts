import { SYSTEM_INITIATOR, type InitiatorId } from '../activity/activity-event.js';
import { recordActivity } from '../activity/record-activity.js';
import type { DomainDeps } from '../domain-deps.js';
import { invalidArgument, notFound } from '../errors.js';
import type { NetworkRouter } from '../model.js';
import type { Repositories } from '../ports/repositories.js';
import { transact } from '../transact.js';
import { routerEventMeta } from './network-event-notes.js';
import { bumpForNetwork, missingGroup, mustGetNetwork, networkChildAccess, readNetworkState, type NetworkChildAccess } from './network-tx.js';

export interface RouterInput {
  /** Routing peer ID; exactly one of `peer` and `peerGroups` is set. */
  readonly peer?: string;
  readonly peerGroups?: readonly string[];
  readonly masquerade: boolean;
  readonly metric: number;
  readonly enabled: boolean;
}

/**
 * Routers of a network: a peer or peer groups, metric 1..9999. Each mutation records upstream's
 * audit event, initiated by `by` (default: the system).
 */
export interface NetworkRouterService extends NetworkChildAccess<NetworkRouter, RouterInput> {
  delete(accountId: string, networkId: string, id: string, by?: InitiatorId): Promise<void>;
}

/** Refuses a router the map could not use (InvalidArgument). */
export function checkRouterShape(input: RouterInput): void {
  const hasPeer = (input.peer ?? '') !== '';
  const hasGroups = (input.peerGroups ?? []).length > 0;
  if (hasPeer && hasGroups) throw invalidArgument('peer and peer_groups cannot be set at the same time');
  if (!hasPeer && !hasGroups) throw invalidArgument('either peer or peer_groups must be set');
  if (!Number.isInteger(input.metric) || input.metric < 1 || input.metric > 9999) throw invalidArgument('metric must be between 1 and 9999');
}

function build(accountId: string, networkId: string, id: string, input: RouterInput): NetworkRouter {
  checkRouterShape(input);
  return {
    id,
    accountId,
    networkId,
    peer: input.peer ?? '',
    peerGroups: [...new Set(input.peerGroups ?? [])],
    masquerade: input.masquerade,
    metric: input.metric,
    enabled: input.enabled,
  };
}

async function mustGet(repos: Pick<Repositories, 'networkRouters'>, accountId: string, networkId: string, id: string): Promise<NetworkRouter> {
  const r = await repos.networkRouters.get(accountId, id);
  if (r === undefined || r.networkId !== networkId) throw notFound(`router ${id} not found in network ${networkId}`);
  return r;
}

export function createNetworkRouterService(deps: DomainDeps): NetworkRouterService {
  const repos = deps.store.repos;
  const save = (accountId: string, networkId: string, id: string | undefined, input: RouterInput, by: InitiatorId): Promise<NetworkRouter> =>
    transact(deps, async (tx) => {
      const network = await mustGetNetwork(tx, accountId, networkId);
      if (id !== undefined) await mustGet(tx, accountId, networkId, id);
      const router = build(accountId, networkId, id ?? deps.ids.next(), input);
      const before = await readNetworkState(tx, accountId);
      const missing = missingGroup(before, router.peerGroups);
      if (missing !== undefined) throw invalidArgument(`group ${missing} not found`);
      if (router.peer !== '' && (await tx.peers.get(accountId, router.peer)) === undefined) throw invalidArgument(`peer ${router.peer} not found`);
      if (id === undefined) await tx.networkRouters.insert(router);
      else await tx.networkRouters.update(router);
      const after = { ...before, routers: [...before.routers.filter((r) => r.id !== router.id), router] };
      await bumpForNetwork(tx, accountId, networkId, id === undefined ? 'network-router-created' : 'network-router-updated', before, after);
      const activity = id === undefined ? 'NetworkRouterCreated' : 'NetworkRouterUpdated';
      await recordActivity(tx, deps.clock, accountId, [{ activity, initiatorId: by, targetId: router.id, meta: routerEventMeta(router, network) }]);
      return router;
    });
  return {
    ...networkChildAccess<NetworkRouter, RouterInput>({ networks: repos, listAll: (accountId) => repos.networkRouters.list(accountId), mustGet: (accountId, networkId, id) => mustGet(repos, accountId, networkId, id), save }),
    delete: (accountId, networkId, id, by = SYSTEM_INITIATOR) =>
      transact(deps, async (tx) => {
        const network = await mustGetNetwork(tx, accountId, networkId);
        const router = await mustGet(tx, accountId, networkId, id);
        const before = await readNetworkState(tx, accountId);
        await tx.networkRouters.delete(accountId, id);
        const after = { ...before, routers: before.routers.filter((r) => r.id !== id) };
        await bumpForNetwork(tx, accountId, networkId, 'network-router-deleted', before, after);
        await recordActivity(tx, deps.clock, accountId, [{ activity: 'NetworkRouterDeleted', initiatorId: by, targetId: id, meta: routerEventMeta(router, network) }]);
      }),
  };
}
