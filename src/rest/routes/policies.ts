import { Type } from 'typebox';
import { authorize } from '../auth/authorize.js';
import { toPolicyInput } from '../from-api/policy.js';
import { EMPTY_OBJECT, type RestApp } from '../rest-app.js';
import type { RestDeps } from '../rest-deps.js';
import { PolicyRequest } from '../schemas/policy-request.js';
import { toApiPolicy } from '../to-api/policy.js';

const PolicyParams = Type.Object({ policyId: Type.String() });

/** Policies CRUD; rule sources and destinations are shown as group minimums. */
export function registerPolicyRoutes(app: RestApp, deps: Pick<RestDeps, 'policies' | 'groups' | 'networkResources'>): void {
  const resourcesOf = (accountId: string) => deps.networkResources.listAll(accountId);
  app.get('/policies', async (req) => {
    const { account } = authorize(req, 'policies', 'read');
    const [policies, groups, resources] = await Promise.all([deps.policies.list(account.id), deps.groups.list(account.id), resourcesOf(account.id)]);
    return policies.map((p) => toApiPolicy(p, groups, resources));
  });

  app.get('/policies/:policyId', { schema: { params: PolicyParams } }, async (req) => {
    const { account } = authorize(req, 'policies', 'read');
    return toApiPolicy(await deps.policies.get(account.id, req.params.policyId), await deps.groups.list(account.id), await resourcesOf(account.id));
  });

  app.post('/policies', { schema: { body: PolicyRequest } }, async (req) => {
    const { account, user } = authorize(req, 'policies', 'create');
    return toApiPolicy(await deps.policies.create(account.id, toPolicyInput(req.body, false), user.id), await deps.groups.list(account.id), await resourcesOf(account.id));
  });

  app.put('/policies/:policyId', { schema: { params: PolicyParams, body: PolicyRequest } }, async (req) => {
    const { account, user } = authorize(req, 'policies', 'update');
    const policy = await deps.policies.update(account.id, req.params.policyId, toPolicyInput(req.body, true), user.id);
    return toApiPolicy(policy, await deps.groups.list(account.id), await resourcesOf(account.id));
  });

  app.delete('/policies/:policyId', { schema: { params: PolicyParams } }, async (req) => {
    const { account, user } = authorize(req, 'policies', 'delete');
    await deps.policies.delete(account.id, req.params.policyId, user.id);
    return EMPTY_OBJECT;
  });
}
