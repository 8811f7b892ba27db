import pg from 'pg';

const INT8_OID = 20;

/**
 * Per-pool type parsers: int8 (our epoch-ms columns and counts) comes back as a JS number, as
 * SQLite returns it; the global pg parsers stay untouched for any other pg user in the process.
 */
const TYPES = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8_OID && format !== 'binary') return (value: string) => Number(value);
    return format === 'binary' ? pg.types.getTypeParser(oid, 'binary') : pg.types.getTypeParser(oid, 'text');
  },
} as unknown as pg.CustomTypesConfig;

export interface PgPoolOptions {
  readonly dsn: string;
  /** Sets search_path for every connection of the pool. */
  readonly schema?: string | undefined;
  readonly max?: number;
}

/** A pg pool whose connections parse int8 as numbers and, optionally, live in one schema. */
export function createPgPool(opts: PgPoolOptions): pg.Pool {
  return new pg.Pool({
    connectionString: opts.dsn,
    max: opts.max ?? 10,
    types: TYPES,
    ...(opts.schema === undefined ? {} : { options: `-c search_path=${opts.schema}` }),
  });
}
