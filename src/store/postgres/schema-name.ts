import { invalidArgument } from '../../domain/errors.js';

const SCHEMA_NAME_RE = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Validates a PostgreSQL schema name. It is spliced into `CREATE SCHEMA` and the connection's
 * search_path, so only plain lower-case identifiers are accepted (no quoting needed).
 */
export function checkSchemaName(name: string): string {
  if (!SCHEMA_NAME_RE.test(name)) throw invalidArgument(`invalid PostgreSQL schema name ${JSON.stringify(name)}: use [a-z_][a-z0-9_]*`);
  return name;
}
