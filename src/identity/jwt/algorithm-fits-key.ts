import type { KeyKind } from './public-key-from-jwk.js';

const RSA_ALGORITHMS = new Set(['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512']);
const EC_ALGORITHMS: Readonly<Record<string, string>> = { ES256: 'P-256', ES384: 'P-384', ES512: 'P-521' };

/**
 * Whether the token's `alg` can be verified with the key its `kid` names (IDENTITY.md §2.2):
 * RSxxx and PSxxx with RSA keys, ES256/384/512 with P-256/384/521 keys. Everything else — `none`, HS*
 * (a public key must never be used as an HMAC secret), EdDSA — is refused.
 */
export function algorithmFitsKey(alg: unknown, kind: KeyKind): boolean {
  if (typeof alg !== 'string') return false;
  if (kind.type === 'rsa') return RSA_ALGORITHMS.has(alg);
  return EC_ALGORITHMS[alg] === kind.curve;
}
