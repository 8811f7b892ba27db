import { readFileSync } from 'node:fs';
import { preconditionFailed } from '../../domain/errors.js';
import { BadRequestError } from '../bad-request.js';
import { errorBody } from '../errors.js';
import { UnparsableBodyError } from '../parse-json-body.js';
import type { RestApp } from '../rest-app.js';
import type { RestDeps } from '../rest-deps.js';

/** Roost's own version, read once from package.json (same relative place under src/ and dist/). */
const VERSION: string = (() => {
  try {
    return (JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version?: string }).version ?? 'development';
  } catch {
    return 'development';
  }
})();

/**
 * Instance setup (IDENTITY.md §4): `GET /api/instance` and `POST /api/setup` answer without
 * credentials (auth bypass); `/api/instance/version` needs them. Roost makes no outbound call,
 * so the version answer carries the running version only — the optional
 * `management_available_version` and `dashboard_available_version` are omitted, as upstream
 * omits them when its fetch fails.
 */
export function registerInstanceRoutes(app: RestApp, deps: Pick<RestDeps, 'instance'>): void {
  app.get('/instance', async () => ({ setup_required: deps.instance?.setupRequired() ?? false }));

  // Upstream's words for an undecodable setup body (other routes say "couldn't parse JSON request").
  const setupBodyErrors = (err: Error, _req: unknown, reply: { status(n: number): { send(b: unknown): unknown } }) => {
    if (err instanceof UnparsableBodyError) return reply.status(400).send(errorBody(400, 'invalid request body'));
    throw err;
  };
  app.post('/setup', { errorHandler: setupBodyErrors }, async (req) => {
    const body = req.body;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new BadRequestError('invalid request body');
    // Upstream answers 500 here; 412 says what is wrong without looking like a server fault.
    if (!deps.instance) throw preconditionFailed('setup is only available with the embedded identity provider');
    return deps.instance.setup(body as Record<string, unknown>);
  });

  app.get('/instance/version', async () => ({ management_current_version: VERSION, management_update_available: false }));
}
