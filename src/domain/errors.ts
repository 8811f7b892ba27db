/**
 * One error taxonomy for the whole server (STYLE.md habit 7). Domain code throws
 * `RoostError`s; each edge (gRPC, REST) maps the kind with a `Record<ErrorKind, …>` table
 * the compiler checks for completeness. Anything else reaching an edge is `Internal`.
 */

export const ErrorKinds = [
  'NotFound',
  'AlreadyExists',
  'InvalidArgument',
  'PermissionDenied',
  'Unauthenticated',
  'PreconditionFailed',
  'ResourceExhausted',
  'Unimplemented',
  /** A dependency (the database) cannot be reached for now; the caller should retry later. */
  'Unavailable',
  'Internal',
] as const;

export type ErrorKind = (typeof ErrorKinds)[number];

export class RoostError extends Error {
  override readonly name = 'RoostError';
  constructor(
    readonly kind: ErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  /** Normalises anything thrown into a RoostError; unknown errors become `Internal`. */
  static from(err: unknown): RoostError {
    if (err instanceof RoostError) return err;
    const message = err instanceof Error ? err.message : String(err);
    return new RoostError('Internal', message, { cause: err });
  }
}

export const notFound = (msg: string): RoostError => new RoostError('NotFound', msg);
export const alreadyExists = (msg: string): RoostError => new RoostError('AlreadyExists', msg);
export const invalidArgument = (msg: string): RoostError => new RoostError('InvalidArgument', msg);
export const permissionDenied = (msg: string): RoostError => new RoostError('PermissionDenied', msg);
export const unauthenticated = (msg: string): RoostError => new RoostError('Unauthenticated', msg);
export const preconditionFailed = (msg: string): RoostError =>
  new RoostError('PreconditionFailed', msg);
export const internal = (msg: string, cause?: unknown): RoostError =>
  new RoostError('Internal', msg, { cause });

export function isRoostError(err: unknown, kind?: ErrorKind): err is RoostError {
  return err instanceof RoostError && (kind === undefined || err.kind === kind);
}
