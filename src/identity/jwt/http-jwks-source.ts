import type { Clock } from '../../domain/clock.js';
import { JwkSet } from './jwk-set.js';
import { maxAgeSeconds } from './max-age-seconds.js';

/** How long one JWKS fetch may take before the previous keys are kept. */
const JWKS_TIMEOUT_MS = 10_000;

export interface FetchedKeys {
  readonly set: JwkSet;
  /** Fetch time + Cache-Control max-age (IDENTITY.md §2.2). */
  readonly expiresAtMs: number;
}

/** Where verification keys come from: HTTP here; the embedded IdP can plug in its own store. */
export type JwksSource = () => Promise<FetchedKeys>;

/**
 * GETs the JWKS at `url`. Unlike upstream, a non-2xx answer is a failed fetch (the previous
 * keys stay) rather than a key set read from an error page.
 */
export function httpJwksSource(url: string, deps: { clock: Clock; fetch?: typeof globalThis.fetch; timeoutMs?: number }): JwksSource {
  return async () => {
    const res = await (deps.fetch ?? globalThis.fetch)(url, { signal: AbortSignal.timeout(deps.timeoutMs ?? JWKS_TIMEOUT_MS), headers: { accept: 'application/json' } });
    if (!res.ok) throw new Error(`GET ${url} answered ${res.status}`);
    const set = JwkSet.from(await res.json());
    return { set, expiresAtMs: deps.clock.now() + maxAgeSeconds(res.headers.get('cache-control')) * 1000 };
  };
}
