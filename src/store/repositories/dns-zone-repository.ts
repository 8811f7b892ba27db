import type { DnsZoneRepository } from '../../domain/ports/repositories.js';
import { byId } from '../rows/column-codec.js';
import { dnsRecordFromRow, dnsRecordToRow, dnsZoneFromRow, dnsZoneToRow } from '../rows/dns-zone-row.js';
import type { DnsRecordsTable, DnsZonesTable } from '../schema/database.js';
import type { DbHandle } from './db-handle.js';

/** Zones and records of one account; a zone is always read with its records. */
export function createDnsZoneRepository(db: DbHandle): DnsZoneRepository {
  const recordsOf = (accountId: string, zoneId: string): Promise<DnsRecordsTable[]> =>
    db.selectFrom('dns_records').selectAll().where('account_id', '=', accountId).where('zone_id', '=', zoneId).execute();
  const one = async (row: DnsZonesTable | undefined) => (row === undefined ? undefined : dnsZoneFromRow(row, await recordsOf(row.account_id, row.id)));

  return {
    async get(accountId, id) {
      return one(await db.selectFrom('dns_zones').selectAll().where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst());
    },
    async findByDomain(accountId, domain) {
      return one(await db.selectFrom('dns_zones').selectAll().where('account_id', '=', accountId).where('domain', '=', domain).executeTakeFirst());
    },
    async list(accountId) {
      const [zones, records] = await Promise.all([
        db.selectFrom('dns_zones').selectAll().where('account_id', '=', accountId).execute(),
        db.selectFrom('dns_records').selectAll().where('account_id', '=', accountId).execute(),
      ]);
      const byZone = new Map<string, DnsRecordsTable[]>();
      for (const r of records) byZone.set(r.zone_id, [...(byZone.get(r.zone_id) ?? []), r]);
      return zones.map((z) => dnsZoneFromRow(z, byZone.get(z.id) ?? [])).sort(byId);
    },
    async insert(zone) {
      await db.insertInto('dns_zones').values(dnsZoneToRow(zone)).execute();
    },
    async update(zone) {
      const { id, account_id, ...rest } = dnsZoneToRow(zone);
      await db.updateTable('dns_zones').set(rest).where('account_id', '=', account_id).where('id', '=', id).execute();
    },
    async delete(accountId, id) {
      await db.deleteFrom('dns_records').where('account_id', '=', accountId).where('zone_id', '=', id).execute();
      await db.deleteFrom('dns_zones').where('account_id', '=', accountId).where('id', '=', id).execute();
    },
    async getRecord(accountId, zoneId, id) {
      const row = await db.selectFrom('dns_records').selectAll().where('account_id', '=', accountId).where('zone_id', '=', zoneId).where('id', '=', id).executeTakeFirst();
      return row === undefined ? undefined : dnsRecordFromRow(row);
    },
    async insertRecord(record) {
      await db.insertInto('dns_records').values(dnsRecordToRow(record)).execute();
    },
    async updateRecord(record) {
      const { id, account_id, zone_id, ...rest } = dnsRecordToRow(record);
      await db.updateTable('dns_records').set(rest).where('account_id', '=', account_id).where('zone_id', '=', zone_id).where('id', '=', id).execute();
    },
    async deleteRecord(accountId, zoneId, id) {
      await db.deleteFrom('dns_records').where('account_id', '=', accountId).where('zone_id', '=', zoneId).where('id', '=', id).execute();
    },
  };
}
