import { sql } from 'kysely';
import type { EngineTraits } from '../engine-traits.js';
import { notFound } from '../../domain/errors.js';
import type { AccountRepository } from '../../domain/ports/repositories.js';
import { accountFromRow, accountToRow } from '../rows/account-row.js';
import { toJson } from '../rows/column-codec.js';
import type { DbHandle } from './db-handle.js';
import { deleteAccountRows } from './delete-account-rows.js';

/** Arbitrary constant naming the advisory lock that serialises account bootstrap on PostgreSQL. */
const FIRST_ACCOUNT_LOCK = 0x526f6f7374; // "Roost"

export function createAccountRepository(db: DbHandle, traits: EngineTraits): AccountRepository {
  return {
    deleteWithEverything: (id) => deleteAccountRows(db, traits, id),
    async get(id) {
      const row = await db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
      return row === undefined ? undefined : accountFromRow(row);
    },
    async first() {
      // "Create an account when there is none" (roost init, first SSO user) is a read-then-insert;
      // under READ COMMITTED two processes would both see none. The transaction-scoped lock makes
      // the second wait for the first to commit, then see its account. SQLite serialises writers.
      if (traits.rowLocks && db.isTransaction) await sql`select pg_advisory_xact_lock(${FIRST_ACCOUNT_LOCK})`.execute(db);
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
    async delete(id) {
      await db.deleteFrom('accounts').where('id', '=', id).execute();
    },
  };
}
