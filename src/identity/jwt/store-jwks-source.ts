import type { Clock } from '../../domain/clock.js';
import type { JwksSource } from './http-jwks-source.js';
import { JwkSet } from './jwk-set.js';

/**
 * Verification keys read from the store rather than over HTTP (the embedded IdP, IDENTITY.md
 * §2.2): `read` returns the published public JWKs. The set is kept `ttlMs`; an unknown `kid`
 * (another process rotated) makes the validator read again sooner, within its cooldown.
 */
export function storeJwksSource(read: () => Promise<readonly object[]>, deps: { clock: Clock; ttlMs?: number }): JwksSource {
  return async () => ({ set: JwkSet.from({ keys: await read() }), expiresAtMs: deps.clock.now() + (deps.ttlMs ?? 60_000) });
}
