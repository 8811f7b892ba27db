import type { FastifyInstance, RouteOptions } from 'fastify';
import { actualRequestHeaders, isPreflight, preflightHeaders } from './cors-headers.js';

/**
 * CORS on one plugin's routes, as upstream's router does it (IDENTITY.md §3.1, §6.4): every
 * path registered there also answers `OPTIONS`, so a preflight on it gets 200 with the CORS
 * headers and no authentication, while a path nobody registered stays a plain 404 without
 * CORS headers. Every other answer of a registered path carries `Vary: Origin`, and
 * `Access-Control-Allow-Origin: *` when the request has an `Origin` — errors included, so
 * call this before adding the authentication hook.
 */
export function installCors(api: FastifyInstance): void {
  const withOptions = new Set<string>();
  api.addHook('onRoute', function addOptionsRoute(this: FastifyInstance, route: RouteOptions) {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const path = (route as RouteOptions & { routePath?: string }).routePath ?? route.url;
    if (methods.some((m) => m === 'OPTIONS' || m === 'HEAD') || withOptions.has(path)) return;
    withOptions.add(path);
    // A non-preflight OPTIONS went through authentication like any call; there is nothing more to say.
    this.route({ method: 'OPTIONS', url: path, handler: async (_req, reply) => reply.code(200).send() });
  });
  api.addHook('onRequest', async (request, reply) => {
    if (isPreflight(request.method, request.headers)) {
      return reply.code(200).headers(preflightHeaders(request.headers)).send();
    }
    reply.headers(actualRequestHeaders(request.method, request.headers));
  });
}
