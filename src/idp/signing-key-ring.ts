import { randomBytes } from 'node:crypto';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import type { Clock } from '../domain/clock.js';
import type { IdpRepository } from '../store/index.js';
import { DEFAULT_ROTATION, signingKeyPlan, type RotationRule } from './signing-key-plan.js';

/** The keys as the provider and the validator need them, signing key first. */
export interface KeySet {
  readonly privateJwks: readonly JWK[];
  readonly publicJwks: readonly JWK[];
  /** Kids in order, to tell whether the provider must be rebuilt. */
  readonly fingerprint: string;
}

const PRIVATE_PARTS = ['d', 'p', 'q', 'dp', 'dq', 'qi'] as const;

/**
 * The provider's RS256 keys, kept in the store so every process signs with and publishes the
 * same ones. `sync()` reads them, creates or rotates per {@link signingKeyPlan} (a generation is
 * a primary key, so concurrent processes cannot both create one) and prunes expired ones.
 */
export class SigningKeyRing {
  constructor(private readonly deps: { repo: IdpRepository; clock: Clock; rule?: RotationRule }) {}

  async sync(opts: { forceRotation?: boolean } = {}): Promise<KeySet> {
    const rule = this.deps.rule ?? DEFAULT_ROTATION;
    let keys = await this.deps.repo.listSigningKeys();
    const plan = signingKeyPlan(keys, this.deps.clock.now(), rule);
    const create = opts.forceRotation ? (keys[0]?.generation ?? 0) + 1 : plan.create;
    if (create !== undefined) {
      const jwk = await newSigningKey();
      await this.deps.repo.insertSigningKey({ generation: create, kid: jwk.kid!, privateJwk: JSON.stringify(jwk), createdAtMs: this.deps.clock.now() });
    }
    if (plan.pruneBelow !== undefined) await this.deps.repo.deleteSigningKeysBelow(plan.pruneBelow);
    if (create !== undefined || plan.pruneBelow !== undefined) keys = await this.deps.repo.listSigningKeys();
    const privateJwks = keys.map((k) => JSON.parse(k.privateJwk) as JWK);
    return {
      privateJwks,
      publicJwks: privateJwks.map(publicPart),
      fingerprint: keys.map((k) => k.kid).join(','),
    };
  }

  /** The published keys as stored now, without creating or rotating (the validator's view). */
  async publicJwks(): Promise<JWK[]> {
    const keys = await this.deps.repo.listSigningKeys();
    return keys.map((k) => publicPart(JSON.parse(k.privateJwk) as JWK));
  }
}

function publicPart(jwk: JWK): JWK {
  const out: Record<string, unknown> = { ...jwk };
  for (const p of PRIVATE_PARTS) delete out[p];
  return out as JWK;
}

async function newSigningKey(): Promise<JWK> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true, modulusLength: 2048 });
  return { ...(await exportJWK(privateKey)), kid: randomBytes(12).toString('hex'), alg: 'RS256', use: 'sig' };
}
