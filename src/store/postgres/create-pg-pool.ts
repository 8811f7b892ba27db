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

/** A connection attempt that hangs (host gone without a reset) fails after this, as Unavailable. */
export const PG_CONNECT_TIMEOUT_MS = 5_000;

export interface PgPoolOptions {
  readonly dsn: string;
  /** Sets search_path for every connection of the pool. */
  readonly schema?: string | undefined;
  readonly max?: number;
  /** Hears every established connection that dies (terminated backend, restart, network). */
  readonly onConnectionError?: ((err: Error) => void) | undefined;
}

/**
 * A pg pool whose connections parse int8 as numbers and, optionally, live in one schema.
 *
 * A connection that dies never ends the process: pg emits 'error' on the client and, for an
 * idle one, on the pool, and an unheard 'error' event is fatal in Node. The pool drops such
 * clients itself (idle ones at once, checked-out ones when released, as they are no longer
 * queryable), and opens new connections on demand, so it recovers once the server is back.
 */
export function createPgPool(opts: PgPoolOptions): pg.Pool {
  const pool = new pg.Pool({
    connectionString: opts.dsn,
    max: opts.max ?? 10,
    types: TYPES,
    connectionTimeoutMillis: PG_CONNECT_TIMEOUT_MS,
    // Notices a peer that vanished without closing the socket (the query would hang otherwise).
    keepAlive: true,
    ...(opts.schema === undefined ? {} : { options: `-c search_path=${opts.schema}` }),
  });
  const report = opts.onConnectionError ?? (() => undefined);
  // Every pool 'error' is a client 'error' already reported below; the listener only keeps it from being fatal.
  pool.on('error', () => undefined);
  // Kept for the client's life: a checked-out client has no pool listener between two queries.
  pool.on('connect', (client) => client.on('error', report));
  return pool;
}
