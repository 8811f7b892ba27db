import type { RoostError } from '../domain/errors.js';
import type { User } from '../domain/model.js';
import type { AuthClaims } from '../domain/users/auth-claims.js';
import { jwtLoginError } from './jwt-login-error.js';

/** What a Login needs to turn a JWT into its user (identity's validator, the domain's provisioning). */
export interface JwtLoginPorts {
  /** Throws (Unauthenticated) when the token does not validate. */
  validate(token: string): Promise<AuthClaims>;
  /** Finds or creates the user, applies the allow-groups gate and syncs JWT groups. */
  resolve(auth: AuthClaims): Promise<{ readonly user: User }>;
}

/** Upstream tries a Login's JWT this many times, this far apart, in case the IdP's keys just rotated. */
export const JWT_LOGIN_ATTEMPTS = 3;
export const JWT_LOGIN_RETRY_MS = 200;

export interface JwtLoginOptions {
  readonly retryDelayMs?: number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly log?: { warn(obj: object, msg: string): void };
  /** For the log. */
  readonly peerKey: string;
}

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function attempt(ports: JwtLoginPorts, token: string): Promise<User> {
  let auth: AuthClaims;
  try {
    auth = await ports.validate(token);
  } catch (err) {
    throw jwtLoginError('validate', err);
  }
  try {
    return (await ports.resolve(auth)).user;
  } catch (err) {
    throw jwtLoginError('resolve', err);
  }
}

/**
 * The user a Login's `jwtToken` speaks for (SEMANTICS.md §3.1 step 5): validate → provision →
 * gate → group sync, the whole of it tried up to 3 times 200 ms apart, as upstream (no wait
 * after the last try). The last failure is thrown, worded for the Login (jwtLoginError).
 */
export async function jwtLoginUser(ports: JwtLoginPorts, token: string, opts: JwtLoginOptions): Promise<User> {
  const sleep = opts.sleep ?? realSleep;
  for (let n = 1; ; n++) {
    try {
      return await attempt(ports, token);
    } catch (err) {
      if (n >= JWT_LOGIN_ATTEMPTS) throw err;
      opts.log?.warn({ err: err as RoostError, peerKey: opts.peerKey, attempt: n }, 'JWT login failed; trying again (the IdP keys may have just changed)');
      await sleep(opts.retryDelayMs ?? JWT_LOGIN_RETRY_MS);
    }
  }
}
