import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Socket } from 'node:net';
import { RoostError } from '../domain/errors.js';
import { createAuthHook } from './auth/auth-hook.js';
import { clientErrorResponse, type ClientErrorLike } from './client-error-response.js';
import { errorBody, httpFailureOf } from './errors.js';
import { frameworkFailureOf } from './framework-failure.js';
import { installCors } from './install-cors.js';
import { parseJsonBody } from './parse-json-body.js';
import type { RestApp } from './rest-app.js';
import type { RestDeps } from './rest-deps.js';
import { registerAccountRoutes } from './routes/accounts.js';
import { registerDnsRoutes } from './routes/dns.js';
import { registerDnsZoneRoutes } from './routes/dns-zones.js';
import { registerEventRoutes } from './routes/events.js';
import { registerGroupRoutes } from './routes/groups.js';
import { registerInstanceRoutes } from './routes/instance.js';
import { registerLocationRoutes } from './routes/locations.js';
import { registerNetworkRoutes } from './routes/networks.js';
import { registerPeerRoutes } from './routes/peers.js';
import { registerPolicyRoutes } from './routes/policies.js';
import { registerPostureCheckRoutes } from './routes/posture-checks.js';
import { registerRouteRoutes } from './routes/routes.js';
import { registerSetupKeyRoutes } from './routes/setup-keys.js';
import { registerTokenRoutes } from './routes/tokens.js';
import { registerUserRoutes } from './routes/users.js';
import { registerIdentityProviderRoutes } from './routes/identity-providers.js';

export interface RestAppOptions {
  /** Largest accepted request body in bytes; default 1 MiB. */
  readonly bodyLimit?: number;
}

const DEFAULTS = { bodyLimit: 1024 * 1024 } as const;

/** Every body is JSON whatever its content type, as upstream reads it (see `parseJsonBody`). */
function acceptJsonBodies(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_req, body, done) => {
    try {
      done(null, parseJsonBody(body as string));
    } catch (err) {
      done(err as Error, undefined);
    }
  });
}

/** One place turns anything thrown into upstream's `{message, code}`; unexpected errors are logged once here. */
function installErrorHandling(app: FastifyInstance, log: RestDeps['log']): void {
  app.setErrorHandler((err: FastifyError | RoostError, req: FastifyRequest, reply: FastifyReply) => {
    const failure = err instanceof RoostError ? httpFailureOf(err) : (frameworkFailureOf(err) ?? httpFailureOf(err));
    if (failure.unexpected) log.error({ err, method: req.method, url: req.url }, 'rest: unexpected error');
    return reply.status(failure.status).send(failure.body);
  });
  app.setNotFoundHandler((_req, reply) => reply.status(404).send(errorBody(404, 'not found')));
}

/** Router errors raised before any route or hook runs (bad URL encoding, an over-long path parameter). */
function answerRouterError(err: FastifyError, _req: FastifyRequest, reply: FastifyReply): void {
  const failure = frameworkFailureOf(err) ?? httpFailureOf(err);
  void reply.status(failure.status).send(failure.body);
}

/**
 * Requests Node's parser refuses (headers too large, malformed request line) never reach
 * fastify; they are answered on the socket with the API's error body.
 */
function answerClientError(err: ClientErrorLike, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  socket.end(clientErrorResponse(err), () => socket.destroy());
}

/**
 * The embedded OpenID provider answers everything under its path itself (its own body parsing,
 * CORS, pages): the request is handed over before fastify reads the body.
 */
function mountOidcProvider(app: FastifyInstance, provider: NonNullable<RestDeps['oidcProvider']>): void {
  const handOver = (req: FastifyRequest, reply: FastifyReply, done: () => void) => {
    reply.hijack();
    provider.handle(req.raw, reply.raw);
    done();
  };
  const methods = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;
  for (const url of [provider.path, `${provider.path}/*`]) app.route({ method: [...methods], url, onRequest: handOver, handler: async () => undefined });
}

/**
 * Builds the NetBird-compatible admin API (CONTRACT.md "HTTP admin API") under `/api`. It
 * never listens: the composition root binds it to `--http-port`, tests call `inject()`.
 * Every `/api` route needs `Authorization: Token <PAT>` or `Bearer <JWT>` and is scoped to the
 * caller's account; CORS preflights and upstream's public paths are answered without it
 * (IDENTITY.md §3.1, §6.4). Every refusal, the framework's and Node's parser's included, uses
 * upstream's `{message, code}` body.
 */
export function createRestApp(deps: RestDeps, options: RestAppOptions = {}): FastifyInstance {
  const app = Fastify({
    logger: false,
    bodyLimit: options.bodyLimit ?? DEFAULTS.bodyLimit,
    // Go's decoder never coerces ("1" is not a number); all errors, so a type error anywhere wins (400).
    ajv: { customOptions: { coerceTypes: false, allErrors: true } },
    frameworkErrors: answerRouterError,
    clientErrorHandler: answerClientError,
  }).withTypeProvider<TypeBoxTypeProvider>();
  acceptJsonBodies(app);
  const { onResponse } = deps;
  if (onResponse) {
    app.addHook('onResponse', (req, reply, done) => {
      onResponse({ route: req.routeOptions.url, method: req.method, code: reply.statusCode, ms: reply.elapsedTime });
      done();
    });
  }
  if (deps.oidcProvider) mountOidcProvider(app, deps.oidcProvider);
  installErrorHandling(app, deps.log);
  void app.register(
    async (api: RestApp) => {
      // CORS first: its headers are on every answer of a registered route, 401s included.
      installCors(api);
      api.addHook('onRequest', createAuthHook(deps));
      registerAccountRoutes(api, deps);
      registerUserRoutes(api, deps);
      registerTokenRoutes(api, deps);
      registerPeerRoutes(api, deps);
      registerGroupRoutes(api, deps);
      registerPolicyRoutes(api, deps);
      registerSetupKeyRoutes(api, deps);
      registerRouteRoutes(api, deps);
      registerDnsRoutes(api, deps);
      registerDnsZoneRoutes(api, deps);
      registerPostureCheckRoutes(api, deps);
      registerNetworkRoutes(api, deps);
      registerInstanceRoutes(api, deps);
      registerEventRoutes(api, deps);
      registerLocationRoutes(api, deps);
      registerIdentityProviderRoutes(api);
    },
    { prefix: '/api' },
  );
  return app;
}
