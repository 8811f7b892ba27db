import type { UserRepository } from '../../domain/ports/repositories.js';
import { byId } from '../rows/column-codec.js';
import { userFromRow, userToRow } from '../rows/user-row.js';
import type { DbHandle } from './db-handle.js';

export function createUserRepository(db: DbHandle): UserRepository {
  return {
    async get(id) {
      const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
      return row === undefined ? undefined : userFromRow(row);
    },
    async list(accountId) {
      const rows = await db.selectFrom('users').selectAll().where('account_id', '=', accountId).execute();
      return rows.map(userFromRow).sort(byId);
    },
    async insert(user) {
      await db.insertInto('users').values(userToRow(user)).execute();
    },
    async update(user) {
      const { id, account_id, ...rest } = userToRow(user);
      await db.updateTable('users').set(rest).where('account_id', '=', account_id).where('id', '=', id).execute();
    },
    async delete(accountId, id) {
      await db.deleteFrom('personal_access_tokens').where('user_id', '=', id).execute();
      await db.deleteFrom('users').where('account_id', '=', accountId).where('id', '=', id).execute();
    },
  };
}
