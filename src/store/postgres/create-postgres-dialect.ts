import { PostgresDialect } from 'kysely';
import { createPgPool } from './create-pg-pool.js';
import { ensurePgSchema } from './ensure-pg-schema.js';
import { checkSchemaName } from './schema-name.js';

/**
 * The PostgreSQL engine: a pg pool on `dsn`. With `schema`, the schema is created first and
 * every pooled connection works inside it (a test gets a private schema this way).
 */
export function createPostgresDialect(dsn: string, schema?: string): PostgresDialect {
  const name = schema === undefined ? undefined : checkSchemaName(schema);
  return new PostgresDialect({
    pool: async () => {
      if (name !== undefined) await ensurePgSchema(dsn, name);
      return createPgPool({ dsn, schema: name });
    },
  });
}
