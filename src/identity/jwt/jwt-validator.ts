import { compactVerify, decodeJwt, decodeProtectedHeader } from 'jose';
import type { Clock } from '../../domain/clock.js';
import { unauthenticated, type RoostError } from '../../domain/errors.js';
import { algorithmFitsKey } from './algorithm-fits-key.js';
import type { JwksSource } from './http-jwks-source.js';
import { JwkSet, type KeyLookup } from './jwk-set.js';
import { jwtClaimProblems } from './jwt-claim-problems.js';
import { mayForceRefresh } from './may-force-refresh.js';
import { shouldRefreshKeys } from './should-refresh-keys.js';
import { userAuthFromClaims, type ClaimNames, type UserAuth } from './user-auth-from-claims.js';

export interface JwtValidatorOptions {
  /** Exact `iss` expected; '' skips the check. */
  readonly issuer: string;
  readonly audiences: readonly string[];
  /** `IdpSignKeyRefreshEnabled`: re-fetch keys as they expire and on an unknown `kid`. */
  readonly refreshEnabled: boolean;
  readonly claimNames: ClaimNames;
}

export interface JwtValidatorDeps {
  readonly keys: JwksSource;
  readonly clock: Clock;
  readonly log?: { warn(obj: object, msg: string): void };
}

/**
 * Validates OIDC access/ID tokens as upstream does (IDENTITY.md §2.2) and reads who they speak
 * for (§2.3). Errors are `Unauthenticated` with upstream's text ("token could not be parsed:
 * …"); each edge words them its own way (gRPC Login: InvalidArgument "invalid jwt token, err:
 * …", REST: 401 "token invalid"). Concurrent validations share one JWKS fetch.
 */
export class JwtValidator {
  private keys = JwkSet.EMPTY;
  private loaded = false;
  private expiresAtMs = 0;
  private lastForcedAtMs: number | undefined;
  private inFlight: Promise<void> | undefined;

  constructor(
    private readonly opts: JwtValidatorOptions,
    private readonly deps: JwtValidatorDeps,
  ) {}

  /** The start-up fetch; a failure is only logged (validations fetch again as the rules allow). */
  prime(): Promise<void> {
    return this.refresh();
  }

  async validate(token: string): Promise<UserAuth> {
    if (token === '') throw unauthenticated('required authorization token not found');
    let header: ReturnType<typeof decodeProtectedHeader>;
    let claims: Record<string, unknown>;
    try {
      header = decodeProtectedHeader(token);
      claims = decodeJwt(token);
    } catch (err) {
      throw unparsable(`token is malformed: ${(err as Error).message}`);
    }
    const lookup = await this.lookup(header.kid);
    if ('missing' in lookup) throw unparsable('token is unverifiable: error while executing keyfunc: unable to find appropriate key');
    if ('broken' in lookup) throw unparsable(`token is unverifiable: error while executing keyfunc: ${lookup.broken}`);
    const { key, kind } = lookup.found;
    if (!algorithmFitsKey(header.alg, kind)) {
      throw unparsable(header.alg === 'none' ? "token signature is invalid: 'none' signature type is not allowed" : `token signature is invalid: key is of invalid type for ${String(header.alg)}`);
    }
    try {
      await compactVerify(token, key, { algorithms: [header.alg as string] });
    } catch (err) {
      throw unparsable(`token signature is invalid: ${(err as Error).message}`);
    }
    const problems = jwtClaimProblems(claims, { nowMs: this.deps.clock.now(), issuer: this.opts.issuer, audiences: this.opts.audiences });
    if (problems.length > 0) throw unparsable(`token has invalid claims: ${problems.join(', ')}`);
    try {
      return userAuthFromClaims(claims, this.opts.claimNames);
    } catch (err) {
      throw unauthenticated((err as Error).message);
    }
  }

  private async lookup(kid: unknown): Promise<KeyLookup> {
    const { refreshEnabled } = this.opts;
    if (shouldRefreshKeys({ refreshEnabled, loaded: this.loaded, expiresAtMs: this.expiresAtMs, nowMs: this.deps.clock.now() })) await this.refresh();
    const first = this.keys.find(kid);
    if (!('missing' in first)) return first;
    if (this.inFlight) {
      await this.inFlight; // someone is fetching already: use their keys rather than fetching again
      return this.keys.find(kid);
    }
    const nowMs = this.deps.clock.now();
    if (!mayForceRefresh({ refreshEnabled, lastForcedAtMs: this.lastForcedAtMs, nowMs })) {
      if (!refreshEnabled) this.deps.log?.warn({ kid }, 'JWT signed by an unknown key; set HttpConfig.IdpSignKeyRefreshEnabled to follow key rotation');
      return first;
    }
    this.lastForcedAtMs = nowMs;
    await this.refresh();
    return this.keys.find(kid);
  }

  private refresh(): Promise<void> {
    this.inFlight ??= this.load().finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  private async load(): Promise<void> {
    try {
      const fetched = await this.deps.keys();
      this.keys = fetched.set;
      this.expiresAtMs = fetched.expiresAtMs;
      this.loaded = true;
    } catch (err) {
      this.deps.log?.warn({ err }, 'could not fetch the JWKS; keeping the previous keys');
    }
  }
}

const unparsable = (detail: string): RoostError => unauthenticated(`token could not be parsed: ${detail}`);
