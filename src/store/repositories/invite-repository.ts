import type { InviteStore, UserInvite } from '../../domain/users/user-invite.js';
import type { UserInvitesTable } from '../schema/database.js';
import type { DbHandle } from './db-handle.js';

/** `user_invites` (migration 0007) on either engine. */
export function createInviteRepository(db: DbHandle): InviteStore {
  return {
    async insert(invite) {
      try {
        await db.insertInto('user_invites').values(toRow(invite)).execute();
        return true;
      } catch (err) {
        if (isUniqueError(err)) return false;
        throw err;
      }
    },
    async list(accountId) {
      const rows = await db.selectFrom('user_invites').selectAll().where('account_id', '=', accountId).orderBy('created_at').orderBy('id').execute();
      return rows.map(fromRow);
    },
    async findById(accountId, id) {
      const row = await db.selectFrom('user_invites').selectAll().where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst();
      return row && fromRow(row);
    },
    async findByHashedToken(hashedToken) {
      const row = await db.selectFrom('user_invites').selectAll().where('hashed_token', '=', hashedToken).executeTakeFirst();
      return row && fromRow(row);
    },
    async delete(accountId, id) {
      const r = await db.deleteFrom('user_invites').where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },
    async replaceToken(accountId, id, hashedToken, expiresAtMs) {
      const r = await db
        .updateTable('user_invites')
        .set({ hashed_token: hashedToken, expires_at: expiresAtMs })
        .where('account_id', '=', accountId)
        .where('id', '=', id)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },
  };
}

function toRow(i: UserInvite): UserInvitesTable {
  return {
    id: i.id,
    account_id: i.accountId,
    email: i.email.toLowerCase(),
    name: i.name,
    role: i.role,
    auto_groups: JSON.stringify(i.autoGroups),
    hashed_token: i.hashedToken,
    expires_at: i.expiresAtMs,
    created_at: i.createdAtMs,
    created_by: i.createdBy,
  };
}

function fromRow(r: UserInvitesTable): UserInvite {
  return {
    id: r.id,
    accountId: r.account_id,
    email: r.email,
    name: r.name,
    role: r.role,
    autoGroups: JSON.parse(r.auto_groups) as string[],
    hashedToken: r.hashed_token,
    expiresAtMs: Number(r.expires_at),
    createdAtMs: Number(r.created_at),
    createdBy: r.created_by,
  };
}

/** Raw driver unique errors (the repository is used unguarded so it can answer false). */
function isUniqueError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
