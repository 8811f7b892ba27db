import { Type } from 'typebox';
import type { DnsRecordInput, DnsZoneInput } from '../../domain/dns-zones/dns-zone-service.js';
import type { DnsRecordType } from '../../domain/model.js';
import { authorize } from '../auth/authorize.js';
import { EMPTY_OBJECT, type RestApp } from '../rest-app.js';
import type { RestDeps } from '../rest-deps.js';
import { DnsRecordRequest, ZoneRequest } from '../schemas/dns-zone-request.js';
import { toApiDnsRecord, toApiZone } from '../to-api/dns-zone.js';

const ZoneParams = Type.Object({ zoneId: Type.String() });
const RecordParams = Type.Object({ zoneId: Type.String(), recordId: Type.String() });

const zoneInput = (b: ZoneRequest): DnsZoneInput => ({
  name: b.name,
  domain: b.domain,
  enabled: b.enabled ?? true,
  enableSearchDomain: b.enable_search_domain,
  distributionGroups: b.distribution_groups,
});

const recordInput = (b: DnsRecordRequest): DnsRecordInput => ({ name: b.name, type: b.type as DnsRecordType, content: b.content, ttl: b.ttl });

/** `/api/dns/zones` and `/api/dns/zones/{zoneId}/records` (upstream's DNS Zones tag), under the `dns` permission. */
export function registerDnsZoneRoutes(app: RestApp, deps: Pick<RestDeps, 'dnsZones'>): void {
  const zones = deps.dnsZones;
  app.get('/dns/zones', async (req) => {
    const { account } = authorize(req, 'dns', 'read');
    return (await zones.list(account.id)).map(toApiZone);
  });
  app.post('/dns/zones', { schema: { body: ZoneRequest } }, async (req) => {
    const { account, user } = authorize(req, 'dns', 'create');
    return toApiZone(await zones.create(account.id, zoneInput(req.body), user.id));
  });
  app.get('/dns/zones/:zoneId', { schema: { params: ZoneParams } }, async (req) => {
    const { account } = authorize(req, 'dns', 'read');
    return toApiZone(await zones.get(account.id, req.params.zoneId));
  });
  app.put('/dns/zones/:zoneId', { schema: { params: ZoneParams, body: ZoneRequest } }, async (req) => {
    const { account, user } = authorize(req, 'dns', 'update');
    return toApiZone(await zones.update(account.id, req.params.zoneId, zoneInput(req.body), user.id));
  });
  app.delete('/dns/zones/:zoneId', { schema: { params: ZoneParams } }, async (req) => {
    const { account, user } = authorize(req, 'dns', 'delete');
    await zones.delete(account.id, req.params.zoneId, user.id);
    return EMPTY_OBJECT;
  });

  app.get('/dns/zones/:zoneId/records', { schema: { params: ZoneParams } }, async (req) => {
    const { account } = authorize(req, 'dns', 'read');
    return (await zones.listRecords(account.id, req.params.zoneId)).map(toApiDnsRecord);
  });
  app.post('/dns/zones/:zoneId/records', { schema: { params: ZoneParams, body: DnsRecordRequest } }, async (req) => {
    const { account, user } = authorize(req, 'dns', 'create');
    return toApiDnsRecord(await zones.createRecord(account.id, req.params.zoneId, recordInput(req.body), user.id));
  });
  app.get('/dns/zones/:zoneId/records/:recordId', { schema: { params: RecordParams } }, async (req) => {
    const { account } = authorize(req, 'dns', 'read');
    return toApiDnsRecord(await zones.getRecord(account.id, req.params.zoneId, req.params.recordId));
  });
  app.put('/dns/zones/:zoneId/records/:recordId', { schema: { params: RecordParams, body: DnsRecordRequest } }, async (req) => {
    const { account, user } = authorize(req, 'dns', 'update');
    return toApiDnsRecord(await zones.updateRecord(account.id, req.params.zoneId, req.params.recordId, recordInput(req.body), user.id));
  });
  app.delete('/dns/zones/:zoneId/records/:recordId', { schema: { params: RecordParams } }, async (req) => {
    const { account, user } = authorize(req, 'dns', 'delete');
    await zones.deleteRecord(account.id, req.params.zoneId, req.params.recordId, user.id);
    return EMPTY_OBJECT;
  });
}
