import { status, type ServiceError, Metadata } from '@grpc/grpc-js';
import { RoostError, type ErrorKind } from '../domain/errors.js';

/**
 * The domain error taxonomy on the gRPC edge; the compiler checks the table is complete.
 * Unauthenticated maps to PERMISSION_DENIED as upstream does: NetBird clients read
 * PERMISSION_DENIED as "needs login/registration" and must never see UNAUTHENTICATED for it.
 */
export const GRPC_STATUS: Record<ErrorKind, status> = {
  NotFound: status.NOT_FOUND,
  AlreadyExists: status.ALREADY_EXISTS,
  InvalidArgument: status.INVALID_ARGUMENT,
  PermissionDenied: status.PERMISSION_DENIED,
  Unauthenticated: status.PERMISSION_DENIED,
  PreconditionFailed: status.FAILED_PRECONDITION,
  ResourceExhausted: status.RESOURCE_EXHAUSTED,
  Unimplemented: status.UNIMPLEMENTED,
  Unavailable: status.UNAVAILABLE,
  Internal: status.INTERNAL,
};

export interface ErrorLogger {
  error(obj: object, msg: string): void;
}

/** Converts anything thrown by a handler into a gRPC error; unknown errors are logged once here. */
export function toGrpcError(err: unknown, log: ErrorLogger, method: string): Partial<ServiceError> {
  const e = RoostError.from(err);
  if (e.kind === 'Internal') {
    log.error({ err: e.cause ?? e, method }, 'internal error in gRPC handler');
    return { code: status.INTERNAL, details: 'failed handling request', metadata: new Metadata() };
  }
  return { code: GRPC_STATUS[e.kind], details: e.message, metadata: new Metadata() };
}
