import { audienceAccepted } from './audience-accepted.js';

export interface ClaimExpectations {
  readonly nowMs: number;
  /** '' skips the issuer check. */
  readonly issuer: string;
  readonly audiences: readonly string[];
}

/**
 * What is wrong with a verified token's claims, in upstream's order and words (IDENTITY.md
 * §2.2), or [] when nothing is. `exp`, `iat`, `nbf` are checked only when present, with no
 * leeway and whole seconds: valid while now < exp, from nbf and iat on. `aud` is required; so
 * is `iss` when an issuer is configured.
 */
export function jwtClaimProblems(claims: Readonly<Record<string, unknown>>, expect: ClaimExpectations): string[] {
  const problems: string[] = [];
  const time = (name: string, ok: (atMs: number) => boolean, failure: string): void => {
    const v = claims[name];
    if (v === undefined || v === null) return;
    if (typeof v !== 'number' || !Number.isFinite(v)) problems.push(`invalid type for claim: ${name} is invalid`);
    else if (!ok(Math.trunc(v) * 1000)) problems.push(failure);
  };
  time('exp', (at) => expect.nowMs < at, 'token is expired');
  time('iat', (at) => expect.nowMs >= at, 'token used before issued');
  time('nbf', (at) => expect.nowMs >= at, 'token is not valid yet');
  const aud = audienceAccepted(claims.aud, expect.audiences);
  if (aud === 'missing') problems.push('token is missing required claim: aud claim is required');
  else if (aud === 'invalid-type') problems.push('invalid type for claim: aud is invalid');
  else if (aud === 'not-accepted') problems.push('token has invalid audience');
  if (expect.issuer !== '') {
    const iss = claims.iss;
    if (iss === undefined || iss === null || iss === '') problems.push('token is missing required claim: iss claim is required');
    else if (typeof iss !== 'string') problems.push('invalid type for claim: iss is invalid');
    else if (iss !== expect.issuer) problems.push('token has invalid issuer');
  }
  return problems;
}
