import { Type } from 'typebox';
import { authorize } from '../auth/authorize.js';
import { toGroupInput } from '../from-api/group.js';
import { EMPTY_OBJECT, type RestApp } from '../rest-app.js';
import type { RestDeps } from '../rest-deps.js';
import { GroupRequest } from '../schemas/group-request.js';
import { toApiGroup } from '../to-api/group.js';

const GroupParams = Type.Object({ groupId: Type.String() });

/** Groups CRUD; members are shown with their peer names. */
export function registerGroupRoutes(app: RestApp, deps: Pick<RestDeps, 'groups' | 'peers' | 'networkResources'>): void {
  const peersOf = (accountId: string) => deps.peers.list(accountId);
  const resourcesOf = (accountId: string) => deps.networkResources.listAll(accountId);

  app.get('/groups', async (req) => {
    const { account } = authorize(req, 'groups', 'read');
    const [groups, peers, resources] = await Promise.all([deps.groups.list(account.id), peersOf(account.id), resourcesOf(account.id)]);
    return groups.map((g) => toApiGroup(g, peers, resources));
  });

  app.get('/groups/:groupId', { schema: { params: GroupParams } }, async (req) => {
    const { account } = authorize(req, 'groups', 'read');
    return toApiGroup(await deps.groups.get(account.id, req.params.groupId), await peersOf(account.id), await resourcesOf(account.id));
  });

  app.post('/groups', { schema: { body: GroupRequest } }, async (req) => {
    const { account, user } = authorize(req, 'groups', 'create');
    return toApiGroup(await deps.groups.create(account.id, toGroupInput(req.body), user.id), await peersOf(account.id), await resourcesOf(account.id));
  });

  app.put('/groups/:groupId', { schema: { params: GroupParams, body: GroupRequest } }, async (req) => {
    const { account, user } = authorize(req, 'groups', 'update');
    return toApiGroup(await deps.groups.update(account.id, req.params.groupId, toGroupInput(req.body), user.id), await peersOf(account.id), await resourcesOf(account.id));
  });

  app.delete('/groups/:groupId', { schema: { params: GroupParams } }, async (req) => {
    const { account, user } = authorize(req, 'groups', 'delete');
    await deps.groups.delete(account.id, req.params.groupId, user.id);
    return EMPTY_OBJECT;
  });
}
