/**
 * `zones` and `records` (custom DNS zones). Both are checked with the same rules the API applies
 * (validate before storing): a zone or record the API would refuse is reported, not written.
 */
import { DNS_RECORD_TYPES, recordProblem, zoneProblem } from '../../domain/dns-zones/check-dns-zone.js';
import type { DnsRecord, DnsZone } from '../../domain/model.js';
import type { KindImporter } from '../kind-importer.js';
import { fail } from '../values/map-error.js';
import { oneOf, stringList } from '../values/json-shapes.js';

export const dnsZonesImporter: KindImporter<DnsZone> = {
  kind: 'DNS zones',
  table: 'zones',
  columns: ['id', 'account_id', 'name', 'domain', 'enabled', 'enable_search_domain', 'distribution_groups'],
  idOf: (r) => r.text('id'),
  map(r) {
    const zone: DnsZone = {
      id: r.text('id'),
      accountId: r.text('account_id'),
      name: r.text('name'),
      domain: r.text('domain'),
      enabled: r.flag('enabled'),
      enableSearchDomain: r.flag('enable_search_domain'),
      distributionGroups: stringList('distribution_groups', r.json('distribution_groups', [])),
      records: [],
    };
    const problem = zoneProblem(zone);
    return problem === null ? zone : fail(undefined, problem);
  },
};

export const dnsRecordsImporter: KindImporter<DnsRecord> = {
  kind: 'DNS records',
  table: 'records',
  columns: ['account_id', 'zone_id', 'id', 'name', 'type', 'content', 'ttl'],
  idOf: (r) => r.text('id'),
  map(r) {
    const record: DnsRecord = {
      id: r.text('id'),
      accountId: r.text('account_id'),
      zoneId: r.text('zone_id'),
      name: r.text('name'),
      type: oneOf('type', r.text('type'), DNS_RECORD_TYPES),
      content: r.text('content'),
      ttl: r.int('ttl'),
    };
    const problem = recordProblem(record);
    return problem === null ? record : fail(undefined, problem);
  },
};
