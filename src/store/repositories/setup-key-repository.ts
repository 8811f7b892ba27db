import type { SetupKeyRepository } from '../../domain/ports/repositories.js';
import type { EngineTraits } from '../engine-traits.js';
import { setupKeyFromRow, setupKeyToRow } from '../rows/setup-key-row.js';
import { createAccountScopedRepository } from './account-scoped-repository.js';
import type { DbHandle } from './db-handle.js';

export function createSetupKeyRepository(db: DbHandle, traits: EngineTraits): SetupKeyRepository {
  return {
    ...createAccountScopedRepository(db, 'setup_keys', { fromRow: setupKeyFromRow, toRow: setupKeyToRow }),
    async findByHash(keyHash) {
      const row = await db.selectFrom('setup_keys').selectAll().where('key_hash', '=', keyHash).executeTakeFirst();
      return row === undefined ? undefined : setupKeyFromRow(row);
    },
    async getForUpdate(id) {
      const row = await db
        .selectFrom('setup_keys')
        .selectAll()
        .where('id', '=', id)
        .$if(traits.rowLocks, (q) => q.forUpdate())
        .executeTakeFirst();
      return row === undefined ? undefined : setupKeyFromRow(row);
    },
    async recordUsage(id, at) {
      await db
        .updateTable('setup_keys')
        .set((eb) => ({ used_times: eb('used_times', '+', 1), last_used: at }))
        .where('id', '=', id)
        .execute();
    },
  };
}
