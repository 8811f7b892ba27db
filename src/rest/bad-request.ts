/**
 * A 400 with its own message, for the few malformed requests upstream's handlers answer so
 * rather than with a 422 (the error taxonomy has no "bad request" kind: it is an edge matter).
 * The error handler reads `statusCode` as it does for the framework's errors.
 */
export class BadRequestError extends Error {
  readonly statusCode = 400;
  readonly code = 'ROOST_BAD_REQUEST';
}
