import { Type } from 'typebox';
import { authorize } from '../auth/authorize.js';
import { toNameServerGroupInput } from '../from-api/nameserver-group.js';
import { EMPTY_OBJECT, type RestApp } from '../rest-app.js';
import type { RestDeps } from '../rest-deps.js';
import { DnsSettingsRequest } from '../schemas/dns-settings-request.js';
import { NameserverGroupRequest } from '../schemas/nameserver-group-request.js';
import { toApiDnsSettings } from '../to-api/dns-settings.js';
import { toApiNameserverGroup } from '../to-api/nameserver-group.js';

const NsGroupParams = Type.Object({ nsgroupId: Type.String() });

/** `/api/dns/nameservers` CRUD and `/api/dns/settings` (disabled-management groups). */
export function registerDnsRoutes(app: RestApp, deps: Pick<RestDeps, 'nameServerGroups' | 'dnsSettings'>): void {
  app.get('/dns/nameservers', async (req) => {
    const { account } = authorize(req, 'nameservers', 'read');
    return (await deps.nameServerGroups.list(account.id)).map(toApiNameserverGroup);
  });

  app.get('/dns/nameservers/:nsgroupId', { schema: { params: NsGroupParams } }, async (req) => {
    const { account } = authorize(req, 'nameservers', 'read');
    return toApiNameserverGroup(await deps.nameServerGroups.get(account.id, req.params.nsgroupId));
  });

  app.post('/dns/nameservers', { schema: { body: NameserverGroupRequest } }, async (req) => {
    const { account, user } = authorize(req, 'nameservers', 'create');
    return toApiNameserverGroup(await deps.nameServerGroups.create(account.id, toNameServerGroupInput(req.body), user.id));
  });

  app.put('/dns/nameservers/:nsgroupId', { schema: { params: NsGroupParams, body: NameserverGroupRequest } }, async (req) => {
    const { account, user } = authorize(req, 'nameservers', 'update');
    return toApiNameserverGroup(await deps.nameServerGroups.update(account.id, req.params.nsgroupId, toNameServerGroupInput(req.body), user.id));
  });

  app.delete('/dns/nameservers/:nsgroupId', { schema: { params: NsGroupParams } }, async (req) => {
    const { account, user } = authorize(req, 'nameservers', 'delete');
    await deps.nameServerGroups.delete(account.id, req.params.nsgroupId, user.id);
    return EMPTY_OBJECT;
  });

  app.get('/dns/settings', async (req) => {
    const { account } = authorize(req, 'dns', 'read');
    return toApiDnsSettings(await deps.dnsSettings.get(account.id));
  });

  app.put('/dns/settings', { schema: { body: DnsSettingsRequest } }, async (req) => {
    const { account, user } = authorize(req, 'dns', 'update');
    const settings = await deps.dnsSettings.update(account.id, { disabledManagementGroups: req.body.disabled_management_groups ?? [] }, user.id);
    return toApiDnsSettings(settings);
  });
}
