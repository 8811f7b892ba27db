import type { Kysely } from 'kysely';
import type { AccountScopedRepository } from '../../domain/ports/repositories.js';
import { byId } from '../rows/column-codec.js';
import type { DbHandle } from './db-handle.js';

/** A table holding one plain aggregate per row, keyed by `id` and scoped by `account_id`. */
export type PlainTable = 'routes' | 'name_server_groups' | 'posture_checks' | 'setup_keys' | 'networks' | 'network_resources' | 'network_routers';

export interface RowCodec<T, R> {
  fromRow(row: R): T;
  toRow(item: T): R;
}

/**
 * The five CRUD methods over one plain table. The table name is a parameter, which Kysely's
 * typings cannot follow through a union; the row codec restores the types at the boundary.
 */
export function createAccountScopedRepository<T extends { readonly id: string; readonly accountId: string }, R extends { id: string; account_id: string }>(
  handle: DbHandle,
  table: PlainTable,
  codec: RowCodec<T, R>,
): AccountScopedRepository<T> {
  const db = handle as unknown as Kysely<any>;
  return {
    async get(accountId, id) {
      const row = (await db.selectFrom(table).selectAll().where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst()) as R | undefined;
      return row === undefined ? undefined : codec.fromRow(row);
    },
    async list(accountId) {
      const rows = (await db.selectFrom(table).selectAll().where('account_id', '=', accountId).execute()) as R[];
      return rows.map((r) => codec.fromRow(r)).sort(byId);
    },
    async insert(item) {
      await db.insertInto(table).values(codec.toRow(item)).execute();
    },
    async update(item) {
      const { id, account_id, ...rest } = codec.toRow(item);
      await db.updateTable(table).set(rest).where('account_id', '=', account_id).where('id', '=', id).execute();
    },
    async delete(accountId, id) {
      await db.deleteFrom(table).where('account_id', '=', accountId).where('id', '=', id).execute();
    },
  };
}
