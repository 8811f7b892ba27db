import { PostgresDialect } from 'kysely';
import { createPgPool } from './create-pg-pool.js';
import { ensurePgSchema } from './ensure-pg-schema.js';
import { checkSchemaName } from './schema-name.js';

export interface PostgresDialectOptions {
  /** Every pooled connection works inside this schema, created first if missing (tests get a private one). */
  readonly schema?: string | undefined;
  readonly onConnectionError?: ((err: Error) => void) | undefined;
}

/**
 * The PostgreSQL engine: a pg pool on `dsn`. The pool is made on the first query; when that
 * fails (server down), Kysely makes it again on the next one.
 */
export function createPostgresDialect(dsn: string, opts: PostgresDialectOptions = {}): PostgresDialect {
  const name = opts.schema === undefined ? undefined : checkSchemaName(opts.schema);
  return new PostgresDialect({
    pool: async () => {
      if (name !== undefined) await ensurePgSchema(dsn, name);
      return createPgPool({ dsn, schema: name, onConnectionError: opts.onConnectionError });
    },
  });
}
