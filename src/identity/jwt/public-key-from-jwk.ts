import { createPublicKey, X509Certificate, type KeyObject } from 'node:crypto';

export type EcCurve = 'P-256' | 'P-384' | 'P-521';
/** What a verification key can sign with (see algorithmFitsKey). */
export type KeyKind = { readonly type: 'rsa' } | { readonly type: 'ec'; readonly curve: EcCurve };

export interface PublicKey {
  readonly key: KeyObject;
  readonly kind: KeyKind;
}

const CURVES: Readonly<Record<string, EcCurve>> = { prime256v1: 'P-256', secp384r1: 'P-384', secp521r1: 'P-521' };

/**
 * The public key of one JWK entry, as upstream reads it (IDENTITY.md §2.2): the first `x5c`
 * certificate when present (its key must be of the declared `kty`), else `n`/`e` for `RSA` and
 * `crv`/`x`/`y` for `EC` (P-256/384/521). `use` and `alg` are ignored. Returns undefined for a
 * key type that can never verify (e.g. `oct`, `OKP`); throws with the reason for a broken key.
 */
export function publicKeyFromJwk(jwk: Readonly<Record<string, unknown>>): PublicKey | undefined {
  const kty = jwk.kty;
  if (kty !== 'RSA' && kty !== 'EC') return undefined;
  const x5c = jwk.x5c;
  const key = Array.isArray(x5c) && x5c.length > 0 ? keyOfCertificate(x5c[0]) : keyOfParameters(jwk);
  const kind = kindOf(key);
  if (kind?.type !== (kty === 'RSA' ? 'rsa' : 'ec')) throw new Error(`the key is not an ${kty} key of a supported kind`);
  return { key, kind };
}

function keyOfCertificate(der: unknown): KeyObject {
  if (typeof der !== 'string') throw new Error('x5c certificate is not a string');
  try {
    return new X509Certificate(Buffer.from(der, 'base64')).publicKey;
  } catch (err) {
    throw new Error(`parse x5c certificate: ${(err as Error).message}`);
  }
}

function keyOfParameters(jwk: Readonly<Record<string, unknown>>): KeyObject {
  const names = jwk.kty === 'RSA' ? ['n', 'e'] : ['crv', 'x', 'y'];
  const params: Record<string, string> = { kty: jwk.kty as string };
  for (const n of names) {
    const v = jwk[n];
    if (typeof v !== 'string' || v === '') throw new Error(`${jwk.kty} key incomplete: "${n}" missing`);
    params[n] = v;
  }
  try {
    return createPublicKey({ key: params, format: 'jwk' });
  } catch (err) {
    throw new Error(`invalid ${jwk.kty} key: ${(err as Error).message}`);
  }
}

function kindOf(key: KeyObject): KeyKind | undefined {
  if (key.asymmetricKeyType === 'rsa') return { type: 'rsa' };
  const curve = key.asymmetricKeyType === 'ec' ? CURVES[key.asymmetricKeyDetails?.namedCurve ?? ''] : undefined;
  return curve ? { type: 'ec', curve } : undefined;
}
