import { Type } from 'typebox';
import { authorize } from '../auth/authorize.js';
import { toPostureCheckInput } from '../from-api/posture-check.js';
import { requireGeo } from './locations.js';
import { EMPTY_OBJECT, type RestApp } from '../rest-app.js';
import type { RestDeps } from '../rest-deps.js';
import { PostureCheckRequest } from '../schemas/posture-check-request.js';
import { toApiPostureCheck } from '../to-api/posture-check.js';

const CheckParams = Type.Object({ postureCheckId: Type.String() });

/** Posture checks CRUD; deleting one a policy still uses is refused (412), as is a geo check without a geolocation database. */
export function registerPostureCheckRoutes(app: RestApp, deps: Pick<RestDeps, 'postureChecks' | 'geo'>): void {
  app.get('/posture-checks', async (req) => {
    const { account } = authorize(req, 'policies', 'read');
    return (await deps.postureChecks.list(account.id)).map(toApiPostureCheck);
  });

  app.get('/posture-checks/:postureCheckId', { schema: { params: CheckParams } }, async (req) => {
    const { account } = authorize(req, 'policies', 'read');
    return toApiPostureCheck(await deps.postureChecks.get(account.id, req.params.postureCheckId));
  });

  app.post('/posture-checks', { schema: { body: PostureCheckRequest } }, async (req) => {
    const { account, user } = authorize(req, 'policies', 'create');
    if (req.body.checks?.geo_location_check != null) requireGeo(deps.geo);
    return toApiPostureCheck(await deps.postureChecks.create(account.id, toPostureCheckInput(req.body), user.id));
  });

  app.put('/posture-checks/:postureCheckId', { schema: { params: CheckParams, body: PostureCheckRequest } }, async (req) => {
    const { account, user } = authorize(req, 'policies', 'update');
    if (req.body.checks?.geo_location_check != null) requireGeo(deps.geo);
    return toApiPostureCheck(await deps.postureChecks.update(account.id, req.params.postureCheckId, toPostureCheckInput(req.body), user.id));
  });

  app.delete('/posture-checks/:postureCheckId', { schema: { params: CheckParams } }, async (req) => {
    const { account, user } = authorize(req, 'policies', 'delete');
    await deps.postureChecks.delete(account.id, req.params.postureCheckId, user.id);
    return EMPTY_OBJECT;
  });
}
