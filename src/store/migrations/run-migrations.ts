import { Migrator, type Kysely } from 'kysely';
import { internal, isRoostError } from '../../domain/errors.js';
import { translateDbError } from '../translate-db-error.js';
import { MIGRATIONS } from './migrations.js';
import { vanishedForeignSchema } from './vanished-foreign-schema.js';

/**
 * Brings the schema to the latest version; a no-op when it already is (Kysely's Migrator
 * records applied migrations and serialises concurrent runs with a lock). On PostgreSQL the
 * bookkeeping tables are pinned to `schema` so that other schemas of the same database (one
 * per test file) are never mistaken for ours.
 */
export async function runMigrations(db: Kysely<unknown>, schema: string | undefined): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => MIGRATIONS },
    ...(schema === undefined ? {} : { migrationTableSchema: schema }),
  });
  let { error, results } = await migrator.migrateToLatest();
  // Another schema of the same database dropped during the catalog read: nothing of ours failed.
  for (let retry = 0; retry < 3 && error !== undefined && vanishedForeignSchema(error, schema); retry++) {
    ({ error, results } = await migrator.migrateToLatest());
  }
  if (error !== undefined) {
    // A database that is not reachable yet is worth waiting for; a failing migration is not.
    const translated = translateDbError(error);
    if (isRoostError(translated, 'Unavailable')) throw translated;
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw internal(`store migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`, error);
  }
}
