import { RoostError } from '../domain/errors.js';
import { UniqueViolation, type UniqueTarget } from '../domain/ports/unique-violation.js';
import { isConnectionLoss } from './is-connection-loss.js';
import { UNIQUE_INDEXES } from './schema/unique-indexes.js';

interface DriverError {
  readonly code?: unknown;
  readonly constraint?: unknown;
  readonly message?: unknown;
}

/** PostgreSQL names the violated index. */
function pgTarget(constraint: string): UniqueTarget {
  const idx = UNIQUE_INDEXES.find((u) => u.name === constraint);
  if (idx !== undefined) return idx.target;
  return constraint.endsWith('_pkey') ? 'primary-key' : 'other';
}

/** SQLite names the columns: `UNIQUE constraint failed: peers.account_id, peers.ip`. */
function sqliteTarget(code: string, message: string): UniqueTarget {
  if (code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return 'primary-key';
  const list = message.split('constraint failed:')[1]?.trim() ?? '';
  const qualified = list.split(',').map((c) => c.trim());
  const table = qualified[0]?.split('.')[0] ?? '';
  const cols = qualified.map((c) => c.split('.')[1] ?? '').join(',');
  const idx = UNIQUE_INDEXES.find((u) => u.table === table && u.columns.join(',') === cols);
  if (idx !== undefined) return idx.target;
  // A text primary key surfaces as a plain unique failure on its column.
  return cols === 'id' || table === 'group_peers' || table === 'policy_rules' ? 'primary-key' : 'other';
}

/** What callers are told while the database cannot be reached (the driver's words stay in `cause`). */
export const DB_UNAVAILABLE_MESSAGE = 'the database is unavailable, please try again later';

/**
 * Turns a driver's unique-constraint error into a `UniqueViolation` naming what was broken and
 * a lost or refused connection into `Unavailable`; anything else is returned unchanged.
 */
export function translateDbError(err: unknown): unknown {
  if (err instanceof UniqueViolation || err instanceof RoostError || typeof err !== 'object' || err === null) return err;
  if (isConnectionLoss(err)) return new RoostError('Unavailable', DB_UNAVAILABLE_MESSAGE, { cause: err });
  const e = err as DriverError;
  const message = typeof e.message === 'string' ? e.message : '';
  if (e.code === '23505') {
    const constraint = typeof e.constraint === 'string' ? e.constraint : '';
    return new UniqueViolation(pgTarget(constraint), `unique constraint violated: ${constraint || message}`, { cause: err });
  }
  if (typeof e.code === 'string' && (e.code === 'SQLITE_CONSTRAINT_UNIQUE' || e.code === 'SQLITE_CONSTRAINT_PRIMARYKEY')) {
    return new UniqueViolation(sqliteTarget(e.code, message), message, { cause: err });
  }
  return err;
}
