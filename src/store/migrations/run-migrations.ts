import { Migrator, type Kysely } from 'kysely';
import { internal } from '../../domain/errors.js';
import { MIGRATIONS } from './migrations.js';

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
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw internal(`store migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`, error);
  }
}
