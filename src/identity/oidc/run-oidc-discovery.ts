import type { AuthSettings } from '../../config/config.js';
import { RoostError } from '../../domain/errors.js';
import { applyDiscovery, type OidcDiscoveryDocument } from './apply-oidc-discovery.js';

/** How long start-up waits for the provider's discovery document. */
const DISCOVERY_TIMEOUT_MS = 10_000;

export interface DiscoveryDeps {
  readonly fetch?: typeof globalThis.fetch;
  readonly log?: { info(obj: object, msg: string): void };
  readonly timeoutMs?: number;
}

/**
 * Start-up discovery (IDENTITY.md §1.2): with `OIDCConfigEndpoint` set, one GET whose document
 * overwrites issuer, JWKS location and flow endpoints. Any failure rejects, and start-up stops:
 * serving with stale endpoints would break every sign-in without saying why.
 */
export async function runOidcDiscovery(auth: AuthSettings, deps: DiscoveryDeps = {}): Promise<AuthSettings> {
  const url = auth.http.oidcConfigEndpoint;
  if (url === '') return auth;
  const doc = await fetchOidcDiscovery(url, deps);
  deps.log?.info({ url, issuer: doc.issuer, jwksUri: doc.jwksUri }, 'OIDC discovery applied: issuer, JWKS location and flow endpoints come from the provider');
  return deepFreeze(applyDiscovery(auth, doc, url));
}

/** The settings stay as frozen as the Config they replace. */
function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
}

export async function fetchOidcDiscovery(url: string, deps: DiscoveryDeps = {}): Promise<OidcDiscoveryDocument> {
  const fail = (why: string, cause?: unknown) => new RoostError('Unavailable', `OIDC discovery from ${url} failed: ${why}`, { cause });
  let res: Response;
  let body: string;
  try {
    res = await (deps.fetch ?? globalThis.fetch)(url, { signal: AbortSignal.timeout(deps.timeoutMs ?? DISCOVERY_TIMEOUT_MS), headers: { accept: 'application/json' } });
    body = await res.text();
  } catch (err) {
    throw fail((err as Error).message, err);
  }
  if (res.status !== 200) throw fail(`status ${res.status}: ${body.slice(0, 200)}`);
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (err) {
    throw fail(`not JSON: ${(err as Error).message}`, err);
  }
  return parseDiscoveryDocument(json, fail);
}

function parseDiscoveryDocument(json: unknown, fail: (why: string) => Error): OidcDiscoveryDocument {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw fail('the document is not a JSON object');
  const o = json as Record<string, unknown>;
  const text = (name: string): string => {
    const v = o[name];
    if (v === undefined || v === null) return '';
    if (typeof v !== 'string') throw fail(`"${name}" is not a string`);
    return v;
  };
  return {
    issuer: text('issuer'),
    jwksUri: text('jwks_uri'),
    tokenEndpoint: text('token_endpoint'),
    deviceAuthorizationEndpoint: text('device_authorization_endpoint'),
    authorizationEndpoint: text('authorization_endpoint'),
  };
}
