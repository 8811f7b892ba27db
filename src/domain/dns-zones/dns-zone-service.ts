import { SYSTEM_INITIATOR, type InitiatorId } from '../activity/activity-event.js';
import { recordActivity } from '../activity/record-activity.js';
import type { DomainDeps } from '../domain-deps.js';
import { alreadyExists, invalidArgument, notFound, RoostError } from '../errors.js';
import { bumpSerial, type MapRelevantChange } from '../map-relevant-changes.js';
import type { DnsRecord, DnsRecordType, DnsZone } from '../model.js';
import type { Repositories } from '../ports/repositories.js';
import { transact, type DomainTx } from '../transact.js';
import { recordConflict, recordProblem, zoneProblem } from './check-dns-zone.js';
import { recordEventMeta, zoneDeleteNotes, zoneEventMeta } from './dns-zone-event-notes.js';

export interface DnsZoneInput {
  readonly name: string;
  readonly domain: string;
  /** Upstream's default when the request leaves it out: true. */
  readonly enabled: boolean;
  readonly enableSearchDomain: boolean;
  readonly distributionGroups: readonly string[];
}

export interface DnsRecordInput {
  readonly name: string;
  readonly type: DnsRecordType;
  readonly content: string;
  readonly ttl: number;
}

/**
 * Custom DNS zones and their records (upstream `/api/dns/zones`), with serial bumps and pushes.
 * Each mutation records upstream's audit events, initiated by `by` (default: the system).
 */
export interface DnsZoneService {
  list(accountId: string): Promise<DnsZone[]>;
  get(accountId: string, id: string): Promise<DnsZone>;
  create(accountId: string, input: DnsZoneInput, by?: InitiatorId): Promise<DnsZone>;
  update(accountId: string, id: string, input: DnsZoneInput, by?: InitiatorId): Promise<DnsZone>;
  /** Also records the deletion of each of its records. */
  delete(accountId: string, id: string, by?: InitiatorId): Promise<void>;
  listRecords(accountId: string, zoneId: string): Promise<DnsRecord[]>;
  getRecord(accountId: string, zoneId: string, id: string): Promise<DnsRecord>;
  createRecord(accountId: string, zoneId: string, input: DnsRecordInput, by?: InitiatorId): Promise<DnsRecord>;
  updateRecord(accountId: string, zoneId: string, id: string, input: DnsRecordInput, by?: InitiatorId): Promise<DnsRecord>;
  deleteRecord(accountId: string, zoneId: string, id: string, by?: InitiatorId): Promise<void>;
}

async function mustGetZone(repos: Repositories, accountId: string, id: string): Promise<DnsZone> {
  const z = await repos.dnsZones.get(accountId, id);
  if (z === undefined) throw notFound(`zone ${id} not found`);
  return z;
}

function mustGetRecord(zone: DnsZone, id: string): DnsRecord {
  const r = zone.records.find((x) => x.id === id);
  if (r === undefined) throw notFound(`record ${id} not found`);
  return r;
}

async function checkGroupsExist(tx: DomainTx, accountId: string, groups: readonly string[]): Promise<void> {
  const known = new Set((await tx.groups.list(accountId)).map((g) => g.id));
  const missing = groups.find((g) => !known.has(g));
  if (missing !== undefined) throw invalidArgument(`group ${missing} not found`);
}

/** Bumps the serial and pushes to the peers of the zones' distribution groups (SEMANTICS.md §5.1). */
async function bumpForGroups(tx: DomainTx, accountId: string, kind: MapRelevantChange, groups: readonly string[]): Promise<void> {
  const wanted = new Set(groups);
  const peers = new Set<string>();
  for (const g of await tx.groups.list(accountId)) if (wanted.has(g.id)) for (const p of g.peers) peers.add(p);
  await bumpSerial(tx, accountId, kind, { peers: [...peers] });
}

function checkRecord(zone: DnsZone, record: DnsRecord): void {
  const problem = recordProblem(record);
  if (problem !== null) throw invalidArgument(problem);
  const conflict = recordConflict(zone, record);
  if (conflict !== null) throw new RoostError(conflict.kind, conflict.message);
}

/** @param serverDnsDomain the server's peer DNS domain: a zone may not take it over. */
export function createDnsZoneService(deps: DomainDeps, serverDnsDomain = ''): DnsZoneService {
  const repos = deps.store.repos;
  const checkZone = (input: DnsZoneInput): void => {
    const problem = zoneProblem(input);
    if (problem !== null) throw invalidArgument(problem);
  };
  const saveRecord = (accountId: string, zoneId: string, id: string | undefined, input: DnsRecordInput, by: InitiatorId): Promise<DnsRecord> =>
    transact(deps, async (tx) => {
      const zone = await mustGetZone(tx, accountId, zoneId);
      if (id !== undefined) mustGetRecord(zone, id);
      const record: DnsRecord = { id: id ?? deps.ids.next(), accountId, zoneId, name: input.name, type: input.type, content: input.content, ttl: input.ttl };
      checkRecord(zone, record);
      if (id === undefined) await tx.dnsZones.insertRecord(record);
      else await tx.dnsZones.updateRecord(record);
      await bumpForGroups(tx, accountId, id === undefined ? 'dns-record-created' : 'dns-record-updated', zone.distributionGroups);
      const activity = id === undefined ? 'DNSRecordCreated' : 'DNSRecordUpdated';
      await recordActivity(tx, deps.clock, accountId, [{ activity, initiatorId: by, targetId: record.id, meta: recordEventMeta(record, zone) }]);
      return record;
    });

  return {
    list: (accountId) => repos.dnsZones.list(accountId),
    get: (accountId, id) => mustGetZone(repos, accountId, id),
    create: (accountId, input, by = SYSTEM_INITIATOR) =>
      transact(deps, async (tx) => {
        checkZone(input);
        const account = await tx.accounts.get(accountId);
        if (input.domain === serverDnsDomain || (account !== undefined && input.domain === account.settings.dnsDomain)) {
          throw invalidArgument(`zone domain ${input.domain} conflicts with peer DNS domain`);
        }
        if ((await tx.dnsZones.findByDomain(accountId, input.domain)) !== undefined) throw alreadyExists(`zone with domain ${input.domain} already exists`);
        await checkGroupsExist(tx, accountId, input.distributionGroups);
        const zone: DnsZone = { id: deps.ids.next(), accountId, ...input, distributionGroups: [...input.distributionGroups], records: [] };
        await tx.dnsZones.insert(zone);
        await recordActivity(tx, deps.clock, accountId, [{ activity: 'DNSZoneCreated', initiatorId: by, targetId: zone.id, meta: zoneEventMeta(zone) }]);
        return zone;
      }),
    update: (accountId, id, input, by = SYSTEM_INITIATOR) =>
      transact(deps, async (tx) => {
        checkZone(input);
        const old = await mustGetZone(tx, accountId, id);
        if (old.domain !== input.domain) throw invalidArgument('zone domain cannot be updated');
        await checkGroupsExist(tx, accountId, input.distributionGroups);
        const zone: DnsZone = { ...old, name: input.name, enabled: input.enabled, enableSearchDomain: input.enableSearchDomain, distributionGroups: [...input.distributionGroups] };
        await tx.dnsZones.update(zone);
        // A zone without records is in nobody's map: changing it changes no map.
        if (zone.records.length > 0) await bumpForGroups(tx, accountId, 'dns-zone-updated', [...old.distributionGroups, ...zone.distributionGroups]);
        await recordActivity(tx, deps.clock, accountId, [{ activity: 'DNSZoneUpdated', initiatorId: by, targetId: id, meta: zoneEventMeta(zone) }]);
        return zone;
      }),
    delete: (accountId, id, by = SYSTEM_INITIATOR) =>
      transact(deps, async (tx) => {
        const zone = await mustGetZone(tx, accountId, id);
        await tx.dnsZones.delete(accountId, id);
        await bumpForGroups(tx, accountId, 'dns-zone-deleted', zone.distributionGroups);
        await recordActivity(tx, deps.clock, accountId, zoneDeleteNotes(zone, by));
      }),
    listRecords: async (accountId, zoneId) => [...(await mustGetZone(repos, accountId, zoneId)).records],
    getRecord: async (accountId, zoneId, id) => mustGetRecord(await mustGetZone(repos, accountId, zoneId), id),
    createRecord: (accountId, zoneId, input, by = SYSTEM_INITIATOR) => saveRecord(accountId, zoneId, undefined, input, by),
    updateRecord: (accountId, zoneId, id, input, by = SYSTEM_INITIATOR) => saveRecord(accountId, zoneId, id, input, by),
    deleteRecord: (accountId, zoneId, id, by = SYSTEM_INITIATOR) =>
      transact(deps, async (tx) => {
        const zone = await mustGetZone(tx, accountId, zoneId);
        const record = mustGetRecord(zone, id);
        await tx.dnsZones.deleteRecord(accountId, zoneId, id);
        await bumpForGroups(tx, accountId, 'dns-record-deleted', zone.distributionGroups);
        await recordActivity(tx, deps.clock, accountId, [{ activity: 'DNSRecordDeleted', initiatorId: by, targetId: id, meta: recordEventMeta(record, zone) }]);
      }),
  };
}
