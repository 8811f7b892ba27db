import { Server, status, type sendUnaryData, type ServerUnaryCall, type ServerWritableStream, type UntypedServiceImplementation } from '@grpc/grpc-js';
import type { DescMessage, MessageShape } from '@bufbuild/protobuf';
import { EmptySchema, LoginRequestSchema, SyncMetaRequestSchema, SyncRequestSchema } from '../gen/management_pb.js';
import { create, toBinary } from '@bufbuild/protobuf';
import type { ServerEnvelope } from '../crypto/envelope.js';
import type { Clock } from '../domain/clock.js';
import { RoostError } from '../domain/errors.js';
import { toGrpcError, type ErrorLogger } from './errors.js';
import { serverKeyAnswers } from './handlers/get-server-key.js';
import { authorizationFlowHandlers, type AuthorizationFlowSettings } from './handlers/authorization-flows.js';
import { openRequest, type OpenedRequest } from './open-request.js';
import { http2SessionOf } from './http2-session-of.js';
import { callerIp } from './peer-address.js';
import { pingAcknowledged } from './ping-acknowledged.js';
import { writeAndWait } from './write-and-wait.js';
import { managementServiceDefinition, type MethodName } from './service-definition.js';
import { installPreframedResponses } from './preframed-responses.js';
import type { GrpcSessionPorts } from './ports.js';

export interface GrpcServerDeps {
  readonly envelope: ServerEnvelope;
  readonly clock: Clock;
  readonly log: ErrorLogger;
  /** Login/Sync/SyncMeta/Logout behaviour; absent parts answer UNIMPLEMENTED after validation. */
  readonly sessions: Partial<GrpcSessionPorts>;
  /** SSO flow blocks (after discovery); absent = none configured, both flows answer NOT_FOUND. */
  readonly authFlows?: AuthorizationFlowSettings;
  /** Told of every GetServerKey call (metrics). */
  readonly onServerKey?: () => void;
}

/** Channel options: NetBird clients ping every 15–30 s, also between calls; never penalise that. */
export const GRPC_SERVER_OPTIONS = {
  'grpc.max_receive_message_length': 4 * 1024 * 1024,
  'grpc.max_send_message_length': 16 * 1024 * 1024,
  'grpc.keepalive_time_ms': 30_000,
  'grpc.keepalive_timeout_ms': 10_000,
  'grpc.keepalive_permit_without_calls': 1,
  // Nothing reads channelz (no channelz service is served); its per-connection and per-call
  // bookkeeping was a visible part of a 5,000-peer cold connect.
  'grpc.enable_channelz': 0,
} as const;

const EMPTY = toBinary(EmptySchema, create(EmptySchema));

type Unary = (call: ServerUnaryCall<Uint8Array, Uint8Array>, cb: sendUnaryData<Uint8Array>) => void;

/** Builds (but does not bind) the gRPC server for `management.ManagementService`. */
export function createGrpcServer(deps: GrpcServerDeps): Server {
  installPreframedResponses();
  const server = new Server(GRPC_SERVER_OPTIONS);
  const fail = (method: MethodName, err: unknown) => toGrpcError(err, deps.log, method);

  const unary = (method: MethodName, fn: (call: ServerUnaryCall<Uint8Array, Uint8Array>) => Promise<Uint8Array> | Uint8Array): Unary =>
    (call, cb) => {
      Promise.resolve()
        .then(() => fn(call))
        .then((out) => cb(null, out), (err: unknown) => cb(fail(method, err)));
    };

  const opened = <D extends DescMessage>(call: { request: Uint8Array }, schema: D): OpenedRequest<MessageShape<D>> =>
    openRequest(call.request, schema, deps.envelope);

  const unimplemented = (what: string) => () => {
    throw new RoostError('Unimplemented', `${what} is not supported by this server`);
  };

  const serverKey = serverKeyAnswers({ serverPublicKey: deps.envelope.publicKeyText, clock: deps.clock });
  const flows = authorizationFlowHandlers({ envelope: deps.envelope, flows: deps.authFlows ?? { deviceAuthorizationFlow: null, pkceAuthorizationFlow: null } });
  const impl: Record<MethodName, unknown> = {
    GetServerKey: unary('GetServerKey', () => {
      deps.onServerKey?.();
      return serverKey();
    }),
    isHealthy: unary('isHealthy', () => EMPTY),
    // Unconfigured flows answer NOT_FOUND: clients try the other flow, then setup keys (PROTOCOL.md §7.9).
    GetDeviceAuthorizationFlow: unary('GetDeviceAuthorizationFlow', (call) => flows.device(call.request)),
    GetPKCEAuthorizationFlow: unary('GetPKCEAuthorizationFlow', (call) => flows.pkce(call.request)),
    Login: unary('Login', async (call) => {
      const req = opened(call, LoginRequestSchema);
      if (!deps.sessions.login) return unimplemented('Login')();
      return deps.sessions.login(req, callerIp(call.getPeer()));
    }),
    SyncMeta: unary('SyncMeta', async (call) => {
      const req = opened(call, SyncMetaRequestSchema);
      if (!deps.sessions.syncMeta) return unimplemented('SyncMeta')();
      await deps.sessions.syncMeta(req);
      return EMPTY;
    }),
    Logout: unary('Logout', async (call) => {
      const req = opened(call, EmptySchema);
      if (!deps.sessions.logout) return unimplemented('Logout')();
      await deps.sessions.logout(req);
      return EMPTY;
    }),
    Sync: (call: ServerWritableStream<Uint8Array, Uint8Array>) => {
      void runSync(call, deps, fail);
    },
    Job: (call: { emit(e: 'error', err: unknown): void; end(): void }) => {
      call.emit('error', { code: status.UNIMPLEMENTED, details: 'Job is not supported by this server' });
    },
    CreateExpose: unary('CreateExpose', unimplemented('CreateExpose')),
    RenewExpose: unary('RenewExpose', unimplemented('RenewExpose')),
    StopExpose: unary('StopExpose', unimplemented('StopExpose')),
    ExtendAuthSession: unary('ExtendAuthSession', unimplemented('ExtendAuthSession')),
  };
  server.addService(managementServiceDefinition, impl as UntypedServiceImplementation);
  return server;
}

async function runSync(
  call: ServerWritableStream<Uint8Array, Uint8Array>,
  deps: GrpcServerDeps,
  fail: (m: MethodName, err: unknown) => object,
): Promise<void> {
  const abort = new AbortController();
  const onGone = () => abort.abort();
  const session = http2SessionOf(call);
  call.on('cancelled', onGone);
  call.on('close', onGone);
  try {
    const req = openRequest(call.request, SyncRequestSchema, deps.envelope);
    if (!deps.sessions.sync) throw new RoostError('Unimplemented', 'Sync is not supported by this server yet');
    await deps.sessions.sync(req, {
      connectionIp: callerIp(call.getPeer()),
      signal: abort.signal,
      write: (bytes, ended) => (ended ? writeAndWait(call, bytes, abort.signal, ended) : writeAndWait(call, bytes, abort.signal)),
      confirm: (ended) => (ended ? pingAcknowledged(session, abort.signal, ended) : pingAcknowledged(session, abort.signal)),
    });
    if (!abort.signal.aborted) call.end();
  } catch (err) {
    if (!abort.signal.aborted) call.emit('error', fail('Sync', err));
  } finally {
    call.off('cancelled', onGone);
    call.off('close', onGone);
  }
}
