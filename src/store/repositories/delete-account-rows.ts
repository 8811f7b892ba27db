import { sql } from 'kysely';
import type { EngineTraits } from '../engine-traits.js';
import type { DbHandle } from './db-handle.js';

/** Every table of the current schema with an `account_id` column (tables later migrations add included). */
async function accountScopedTables(db: DbHandle, traits: EngineTraits): Promise<string[]> {
  if (traits.engine === 'postgres') {
    const r = await sql<{ table_name: string }>`select table_name from information_schema.columns
      where table_schema = current_schema() and column_name = 'account_id' order by table_name`.execute(db);
    return r.rows.map((x) => x.table_name);
  }
  const r = await sql<{ name: string }>`select m.name from sqlite_master m join pragma_table_info(m.name) c
    where m.type = 'table' and c.name = 'account_id' order by m.name`.execute(db);
  return r.rows.map((x) => x.name);
}

/**
 * Deletes an account with everything in it: the tokens of its users, then every row of every
 * table that names the account (whatever migration added the table), then the account itself.
 * Runs inside the caller's transaction.
 */
export async function deleteAccountRows(db: DbHandle, traits: EngineTraits, accountId: string): Promise<void> {
  const users = db.selectFrom('users').select('id').where('account_id', '=', accountId);
  await db.deleteFrom('personal_access_tokens').where('user_id', 'in', users).execute();
  for (const table of await accountScopedTables(db, traits)) {
    await sql`delete from ${sql.table(table)} where account_id = ${accountId}`.execute(db);
  }
  await db.deleteFrom('accounts').where('id', '=', accountId).execute();
}
