import { posix } from 'node:path';
import type { AuthClaims } from '../../domain/users/auth-claims.js';

/**
 * Who a validated token speaks for (IDENTITY.md §2.3): the domain's `AuthClaims` — plain values
 * for the callers that provision users, check groups and log peers in.
 */
export type UserAuth = AuthClaims;

export interface ClaimNames {
  readonly authAudience: string;
  /** '' means `sub`. */
  readonly userIdClaim: string;
}

export const DEFAULT_USER_ID_CLAIM = 'sub';

/**
 * Reads a validated token's claims. Throws (with upstream's words) when the user ID claim is not
 * a string; a custom claim of the wrong type, on which upstream crashes, is refused.
 */
export function userAuthFromClaims(claims: Readonly<Record<string, unknown>>, names: ClaimNames): UserAuth {
  const userId = claims[names.userIdClaim || DEFAULT_USER_ID_CLAIM];
  if (typeof userId !== 'string') throw new Error('user ID claim token value is empty');
  const custom = (suffix: string): string => {
    const name = customClaimName(names.authAudience, suffix);
    const v = claims[name];
    if (v === undefined) return '';
    if (typeof v !== 'string') throw new Error(`claim ${name} must be a string`);
    return v;
  };
  const invited = claims[customClaimName(names.authAudience, 'nb_invited')];
  return {
    userId,
    accountId: custom('wt_account_id'),
    domain: custom('wt_account_domain'),
    domainCategory: custom('wt_account_domain_category'),
    lastLoginMs: parseRfc3339(custom('nb_last_login')),
    invited: invited === true,
    email: typeof claims.email === 'string' ? claims.email : '',
    name: typeof claims.name === 'string' ? claims.name : '',
    claims,
  };
}

/**
 * NetBird's custom claim names: `AuthAudience` joined with the suffix as a URL path (upstream
 * uses Go's `url.JoinPath`): `https://api.example/` → `https://api.example/wt_account_id`,
 * `netbird` → `netbird/wt_account_id`, query and fragment kept after the path.
 */
export function customClaimName(authAudience: string, suffix: string): string {
  const m = /^([A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#]*)?([^?#]*)(.*)$/s.exec(authAudience);
  const origin = m?.[1] ?? '';
  const path = m?.[2] ?? '';
  const rest = m?.[3] ?? '';
  const joined = path.startsWith('/') ? posix.join(path, suffix) : posix.join('/', path, suffix).slice(1);
  return origin + (origin !== '' && !joined.startsWith('/') ? '/' : '') + joined + rest;
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function parseRfc3339(s: string): number | undefined {
  if (!RFC3339.test(s)) return undefined;
  const ms = Date.parse(s);
  return Number.isNaN(ms) ? undefined : ms;
}
