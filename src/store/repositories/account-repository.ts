import { notFound } from '../../domain/errors.js';
import type { AccountRepository } from '../../domain/ports/repositories.js';
import { accountFromRow, accountToRow } from '../rows/account-row.js';
import { toJson } from '../rows/column-codec.js';
import type { DbHandle } from './db-handle.js';

export function createAccountRepository(db: DbHandle): AccountRepository {
  return {
    async get(id) {
      const row = await db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
      return row === undefined ? undefined : accountFromRow(row);
    },
    async first() {
      const row = await db.selectFrom('accounts').selectAll().orderBy('created_at').orderBy('id').limit(1).executeTakeFirst();
      return row === undefined ? undefined : accountFromRow(row);
    },
    async listIds() {
      const rows = await db.selectFrom('accounts').select('id').orderBy('created_at').orderBy('id').execute();
      return rows.map((r) => r.id);
    },
    async insert(account) {
      await db.insertInto('accounts').values(accountToRow(account)).execute();
    },
    async updateSettings(id, settings) {
      await db.updateTable('accounts').set({ settings: toJson(settings) }).where('id', '=', id).execute();
    },
    async updateDnsSettings(id, dns) {
      await db.updateTable('accounts').set({ dns_settings: toJson(dns) }).where('id', '=', id).execute();
    },
    async updateNetworkNet(id, net) {
      await db.updateTable('accounts').set({ network_net: net }).where('id', '=', id).execute();
    },
    async incrementSerial(id) {
      const row = await db
        .updateTable('accounts')
        .set((eb) => ({ network_serial: eb('network_serial', '+', 1) }))
        .where('id', '=', id)
        .returning('network_serial')
        .executeTakeFirst();
      if (row === undefined) throw notFound(`account ${id} not found`);
      return row.network_serial;
    },
  };
}
