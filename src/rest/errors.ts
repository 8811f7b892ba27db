import { RoostError, type ErrorKind } from '../domain/errors.js';

/**
 * HTTP status per error kind (STYLE.md habit 7), as upstream's `util.WriteError` maps its
 * status types: invalid input is 422, a conflict 409, a refused precondition 412. A `Record`
 * so adding a kind fails the build until it has a status here.
 */
export const HTTP_STATUS_BY_KIND: Readonly<Record<ErrorKind, number>> = {
  NotFound: 404,
  AlreadyExists: 409,
  InvalidArgument: 422,
  PermissionDenied: 403,
  Unauthenticated: 401,
  PreconditionFailed: 412,
  ResourceExhausted: 429,
  Unimplemented: 501,
  Unavailable: 503,
  Internal: 500,
};

/** Upstream's error body: the status is repeated in `code`. */
export interface ApiErrorBody {
  readonly message: string;
  readonly code: number;
}

export const errorBody = (code: number, message: string): ApiErrorBody => ({ message, code });

/** What to answer for a thrown error; `unexpected` errors are logged once by the caller. */
export interface HttpFailure {
  readonly status: number;
  readonly body: ApiErrorBody;
  readonly unexpected: boolean;
}

/**
 * Maps a RoostError to its status and message. Anything else — and `Internal` — is answered
 * with a generic message so no internals leak; those are flagged `unexpected`.
 */
export function httpFailureOf(err: unknown): HttpFailure {
  if (err instanceof RoostError && err.kind !== 'Internal') {
    const status = HTTP_STATUS_BY_KIND[err.kind];
    return { status, body: errorBody(status, err.message), unexpected: false };
  }
  return { status: 500, body: errorBody(500, 'internal server error'), unexpected: true };
}
