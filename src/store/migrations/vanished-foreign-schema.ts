/**
 * Whether a failed migration run only tripped over *another* schema being dropped meanwhile.
 * Kysely's Migrator asks PostgreSQL's catalog for every table of every schema (to find its
 * bookkeeping tables); a schema dropped by another session during that query fails it with
 * `schema "<other>" does not exist` (SQLSTATE 3F000). Nothing of ours went wrong: run again.
 */
export function vanishedForeignSchema(err: unknown, ownSchema: string | undefined): boolean {
  if (ownSchema === undefined || typeof err !== 'object' || err === null) return false;
  const { code, message } = err as { code?: unknown; message?: unknown };
  if (typeof message !== 'string') return false;
  const named = /schema "([^"]+)" does not exist/.exec(message)?.[1];
  return (code === undefined || code === '3F000') && named !== undefined && named !== ownSchema;
}
