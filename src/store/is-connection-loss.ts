/**
 * Socket-level failures (Node's `code`): the server is down, restarting or out of reach. DNS
 * failures are included because a database host that is being rescheduled often stops
 * resolving for a while.
 */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ECONNABORTED', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/**
 * PostgreSQL SQLSTATEs meaning "this connection is gone or cannot be made now": admin_shutdown,
 * crash_shutdown, cannot_connect_now (starting up / shutting down), too_many_connections. Class
 * 08 (connection exception) is matched by prefix.
 */
const PG_CODES = new Set(['57P01', '57P02', '57P03', '53300']);

/**
 * What pg, pg-pool and Kysely say when a connection died or could not be made in time; they
 * carry no code. Matched at the start of the message only.
 */
const MESSAGE_PREFIXES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'timeout expired',
  'Query read timeout',
  'Client has encountered a connection error and is not queryable',
  'Client was closed and is not queryable',
  'Postgres connection has been discarded',
];

/** Bounds the walk through `cause` / `errors`, which a hostile or cyclic error could make endless. */
const MAX_DEPTH = 4;

/**
 * Whether a driver error means the database could not be reached (so the request may succeed
 * later), as opposed to a bad query, a constraint or a configuration error. Looks through
 * `cause` and AggregateError's `errors` (Node reports a failed multi-address connect that way).
 */
export function isConnectionLoss(err: unknown, depth = 0): boolean {
  if (typeof err !== 'object' || err === null || depth > MAX_DEPTH) return false;
  const { code, message, cause, errors } = err as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
  if (typeof code === 'string' && (SOCKET_CODES.has(code) || PG_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code))) return true;
  if (typeof message === 'string' && MESSAGE_PREFIXES.some((p) => message.startsWith(p))) return true;
  if (Array.isArray(errors) && errors.some((e) => isConnectionLoss(e, depth + 1))) return true;
  return isConnectionLoss(cause, depth + 1);
}
