import type { TokenRepository } from '../../domain/ports/repositories.js';
import { byId } from '../rows/column-codec.js';
import { tokenFromRow, tokenToRow } from '../rows/token-row.js';
import type { DbHandle } from './db-handle.js';

export function createTokenRepository(db: DbHandle): TokenRepository {
  return {
    async findByHash(hashedToken) {
      const row = await db.selectFrom('personal_access_tokens').selectAll().where('hashed_token', '=', hashedToken).executeTakeFirst();
      return row === undefined ? undefined : tokenFromRow(row);
    },
    async get(userId, id) {
      const row = await db.selectFrom('personal_access_tokens').selectAll().where('user_id', '=', userId).where('id', '=', id).executeTakeFirst();
      return row === undefined ? undefined : tokenFromRow(row);
    },
    async listByUser(userId) {
      const rows = await db.selectFrom('personal_access_tokens').selectAll().where('user_id', '=', userId).execute();
      return rows.map(tokenFromRow).sort(byId);
    },
    async insert(token) {
      await db.insertInto('personal_access_tokens').values(tokenToRow(token)).execute();
    },
    async delete(userId, id) {
      await db.deleteFrom('personal_access_tokens').where('user_id', '=', userId).where('id', '=', id).execute();
    },
    async touch(id, lastUsed) {
      await db.updateTable('personal_access_tokens').set({ last_used: lastUsed }).where('id', '=', id).execute();
    },
  };
}
