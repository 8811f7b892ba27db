import { publicKeyFromJwk, type PublicKey } from './public-key-from-jwk.js';

/** The result of looking a `kid` up: a key, a broken entry, or nothing. */
export type KeyLookup = { readonly found: PublicKey } | { readonly broken: string } | { readonly missing: true };

interface Entry {
  readonly kid: unknown;
  readonly key?: PublicKey;
  readonly error?: string;
}

/**
 * A fetched JWKS with its keys converted once (a token is verified far more often than keys
 * are fetched). Entries are looked up in document order as upstream does: the first entry
 * whose `kid` equals the token's and whose type can verify wins.
 */
export class JwkSet {
  static readonly EMPTY = new JwkSet([]);

  private constructor(private readonly entries: readonly Entry[]) {}

  /** Reads `{"keys": [...]}`; throws when the document is not a key set at all. */
  static from(doc: unknown): JwkSet {
    if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) throw new Error('the JWKS is not a JSON object');
    const keys = (doc as { keys?: unknown }).keys;
    if (keys === undefined || keys === null) return JwkSet.EMPTY;
    if (!Array.isArray(keys)) throw new Error('the JWKS "keys" is not a list');
    const entries: Entry[] = [];
    for (const jwk of keys) {
      if (typeof jwk !== 'object' || jwk === null) continue;
      const kid = (jwk as { kid?: unknown }).kid;
      try {
        const key = publicKeyFromJwk(jwk as Record<string, unknown>);
        if (key) entries.push({ kid, key });
      } catch (err) {
        entries.push({ kid, error: (err as Error).message });
      }
    }
    return new JwkSet(entries);
  }

  get size(): number {
    return this.entries.length;
  }

  /** A token without a string `kid` never matches. */
  find(kid: unknown): KeyLookup {
    if (typeof kid !== 'string') return { missing: true };
    const e = this.entries.find((x) => x.kid === kid);
    if (!e) return { missing: true };
    return e.key ? { found: e.key } : { broken: e.error ?? 'unusable key' };
  }
}
