import { Type } from 'typebox';
import { authorize } from '../auth/authorize.js';
import { toRouteInput } from '../from-api/route.js';
import { EMPTY_OBJECT, type RestApp } from '../rest-app.js';
import type { RestDeps } from '../rest-deps.js';
import { RouteRequest } from '../schemas/route-request.js';
import { toApiRoute } from '../to-api/route.js';

const RouteParams = Type.Object({ routeId: Type.String() });

/** Network routes CRUD (the legacy "routes" resource). */
export function registerRouteRoutes(app: RestApp, deps: Pick<RestDeps, 'routes'>): void {
  app.get('/routes', async (req) => {
    const { account } = authorize(req, 'routes', 'read');
    return (await deps.routes.list(account.id)).map(toApiRoute);
  });

  app.get('/routes/:routeId', { schema: { params: RouteParams } }, async (req) => {
    const { account } = authorize(req, 'routes', 'read');
    return toApiRoute(await deps.routes.get(account.id, req.params.routeId));
  });

  app.post('/routes', { schema: { body: RouteRequest } }, async (req) => {
    const { account, user } = authorize(req, 'routes', 'create');
    return toApiRoute(await deps.routes.create(account.id, toRouteInput(req.body), user.id));
  });

  app.put('/routes/:routeId', { schema: { params: RouteParams, body: RouteRequest } }, async (req) => {
    const { account, user } = authorize(req, 'routes', 'update');
    return toApiRoute(await deps.routes.update(account.id, req.params.routeId, toRouteInput(req.body), user.id));
  });

  app.delete('/routes/:routeId', { schema: { params: RouteParams } }, async (req) => {
    const { account, user } = authorize(req, 'routes', 'delete');
    await deps.routes.delete(account.id, req.params.routeId, user.id);
    return EMPTY_OBJECT;
  });
}
