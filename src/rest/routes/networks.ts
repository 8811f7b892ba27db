import { Type } from 'typebox';
import { authorize } from '../auth/authorize.js';
import { toNetworkInput, toResourceInput, toRouterInput } from '../from-api/network.js';
import { EMPTY_OBJECT, type RestApp } from '../rest-app.js';
import type { RestDeps } from '../rest-deps.js';
import { NetworkRequest, NetworkResourceRequest, NetworkRouterRequest } from '../schemas/network-requests.js';
import { type NetworkContext, toApiNetwork, toApiNetworkResource, toApiNetworkRouter } from '../to-api/network.js';

type Deps = Pick<RestDeps, 'networks' | 'networkResources' | 'networkRouters' | 'groups' | 'policies'>;

const NetworkParams = Type.Object({ networkId: Type.String() });
const ResourceParams = Type.Object({ networkId: Type.String(), resourceId: Type.String() });
const RouterParams = Type.Object({ networkId: Type.String(), routerId: Type.String() });

async function contextOf(deps: Deps, accountId: string): Promise<NetworkContext> {
  const [resources, routers, groups, policies] = await Promise.all([
    deps.networkResources.listAll(accountId),
    deps.networkRouters.listAll(accountId),
    deps.groups.list(accountId),
    deps.policies.list(accountId),
  ]);
  return { resources, routers, groups, policies };
}

/** Networks themselves (`/networks`, `/networks/{networkId}`), with their derived lists and counts. */
function registerNetworks(app: RestApp, deps: Deps): void {
  app.get('/networks', async (req) => {
    const { account } = authorize(req, 'networks', 'read');
    const [networks, ctx] = await Promise.all([deps.networks.list(account.id), contextOf(deps, account.id)]);
    return networks.map((n) => toApiNetwork(n, ctx));
  });
  app.get('/networks/:networkId', { schema: { params: NetworkParams } }, async (req) => {
    const { account } = authorize(req, 'networks', 'read');
    return toApiNetwork(await deps.networks.get(account.id, req.params.networkId), await contextOf(deps, account.id));
  });
  app.post('/networks', { schema: { body: NetworkRequest } }, async (req) => {
    const { account, user } = authorize(req, 'networks', 'create');
    return toApiNetwork(await deps.networks.create(account.id, toNetworkInput(req.body), user.id), await contextOf(deps, account.id));
  });
  app.put('/networks/:networkId', { schema: { params: NetworkParams, body: NetworkRequest } }, async (req) => {
    const { account, user } = authorize(req, 'networks', 'update');
    return toApiNetwork(await deps.networks.update(account.id, req.params.networkId, toNetworkInput(req.body), user.id), await contextOf(deps, account.id));
  });
  app.delete('/networks/:networkId', { schema: { params: NetworkParams } }, async (req) => {
    const { account, user } = authorize(req, 'networks', 'delete');
    await deps.networks.delete(account.id, req.params.networkId, user.id);
    return EMPTY_OBJECT;
  });
}

/** Resources of a network, and every resource of the account (`/networks/resources`). */
function registerResources(app: RestApp, deps: Deps): void {
  const view = async (accountId: string) => {
    const [groups, resources] = await Promise.all([deps.groups.list(accountId), deps.networkResources.listAll(accountId)]);
    return (r: Parameters<typeof toApiNetworkResource>[0]) => toApiNetworkResource(r, groups, resources);
  };
  app.get('/networks/resources', async (req) => {
    const { account } = authorize(req, 'networks', 'read');
    const show = await view(account.id);
    return (await deps.networkResources.listAll(account.id)).map(show);
  });
  app.get('/networks/:networkId/resources', { schema: { params: NetworkParams } }, async (req) => {
    const { account } = authorize(req, 'networks', 'read');
    const list = await deps.networkResources.list(account.id, req.params.networkId);
    return list.map(await view(account.id));
  });
  app.get('/networks/:networkId/resources/:resourceId', { schema: { params: ResourceParams } }, async (req) => {
    const { account } = authorize(req, 'networks', 'read');
    const r = await deps.networkResources.get(account.id, req.params.networkId, req.params.resourceId);
    return (await view(account.id))(r);
  });
  app.post('/networks/:networkId/resources', { schema: { params: NetworkParams, body: NetworkResourceRequest } }, async (req) => {
    const { account, user } = authorize(req, 'networks', 'create');
    const r = await deps.networkResources.create(account.id, req.params.networkId, toResourceInput(req.body), user.id);
    return (await view(account.id))(r);
  });
  app.put('/networks/:networkId/resources/:resourceId', { schema: { params: ResourceParams, body: NetworkResourceRequest } }, async (req) => {
    const { account, user } = authorize(req, 'networks', 'update');
    const r = await deps.networkResources.update(account.id, req.params.networkId, req.params.resourceId, toResourceInput(req.body), user.id);
    return (await view(account.id))(r);
  });
  app.delete('/networks/:networkId/resources/:resourceId', { schema: { params: ResourceParams } }, async (req) => {
    const { account, user } = authorize(req, 'networks', 'delete');
    await deps.networkResources.delete(account.id, req.params.networkId, req.params.resourceId, user.id);
    return EMPTY_OBJECT;
  });
}

/** Routers of a network, and every router of the account (`/networks/routers`). */
function registerRouters(app: RestApp, deps: Deps): void {
  app.get('/networks/routers', async (req) => {
    const { account } = authorize(req, 'networks', 'read');
    return (await deps.networkRouters.listAll(account.id)).map(toApiNetworkRouter);
  });
  app.get('/networks/:networkId/routers', { schema: { params: NetworkParams } }, async (req) => {
    const { account } = authorize(req, 'networks', 'read');
    return (await deps.networkRouters.list(account.id, req.params.networkId)).map(toApiNetworkRouter);
  });
  app.get('/networks/:networkId/routers/:routerId', { schema: { params: RouterParams } }, async (req) => {
    const { account } = authorize(req, 'networks', 'read');
    return toApiNetworkRouter(await deps.networkRouters.get(account.id, req.params.networkId, req.params.routerId));
  });
  app.post('/networks/:networkId/routers', { schema: { params: NetworkParams, body: NetworkRouterRequest } }, async (req) => {
    const { account, user } = authorize(req, 'networks', 'create');
    return toApiNetworkRouter(await deps.networkRouters.create(account.id, req.params.networkId, toRouterInput(req.body), user.id));
  });
  app.put('/networks/:networkId/routers/:routerId', { schema: { params: RouterParams, body: NetworkRouterRequest } }, async (req) => {
    const { account, user } = authorize(req, 'networks', 'update');
    return toApiNetworkRouter(await deps.networkRouters.update(account.id, req.params.networkId, req.params.routerId, toRouterInput(req.body), user.id));
  });
  app.delete('/networks/:networkId/routers/:routerId', { schema: { params: RouterParams } }, async (req) => {
    const { account, user } = authorize(req, 'networks', 'delete');
    await deps.networkRouters.delete(account.id, req.params.networkId, req.params.routerId, user.id);
    return EMPTY_OBJECT;
  });
}

/** The Networks feature's admin API (upstream's 16 endpoints plus `GET /networks/resources`). */
export function registerNetworkRoutes(app: RestApp, deps: Deps): void {
  registerNetworks(app, deps);
  registerResources(app, deps);
  registerRouters(app, deps);
}
