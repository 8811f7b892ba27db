import { createHmac, timingSafeEqual } from 'node:crypto';
import { invalidArgument } from '../domain/errors.js';
import { lastResult } from './last-result.js';

/** Upstream's fallback when the TURN section sets no TTL. */
export const DEFAULT_TURN_CREDENTIALS_TTL_MS = 12 * 60 * 60 * 1000;

export interface TurnCredentials {
  /** Expiry as decimal Unix seconds. */
  readonly username: string;
  /** Standard padded base64 of HMAC-SHA1(secret, username). */
  readonly password: string;
}

export interface GenerateTurnCredentialsInput {
  /** The TURN server's shared secret (coturn `static-auth-secret`). */
  readonly secret: string;
  /** Lifetime; `undefined` or 0 means `DEFAULT_TURN_CREDENTIALS_TTL_MS`. */
  readonly ttlMs?: number | undefined;
  /** Epoch milliseconds (from the injected Clock). */
  readonly now: number;
}

/**
 * Time-limited TURN credentials (PROTOCOL.md §10, coturn's "TURN REST API" scheme):
 * username = expiry in Unix seconds, password = base64(HMAC-SHA1(secret, username)).
 *
 * @throws RoostError InvalidArgument for a negative or non-finite TTL.
 */
export function generateTurnCredentials(input: GenerateTurnCredentialsInput): TurnCredentials {
  const username = String(expiryUnixSeconds(input.now, input.ttlMs));
  return { username, password: mintedPassword(input.secret, username) };
}

export interface VerifyTurnCredentialsInput {
  readonly secret: string;
  readonly username: string;
  readonly password: string;
  /** Epoch milliseconds. */
  readonly now: number;
}

/** What a TURN server checks: the MAC matches and the expiry has not passed (`now ≤ expiry`). */
export function verifyTurnCredentials(input: VerifyTurnCredentialsInput): boolean {
  if (!/^\d{1,15}$/.test(input.username)) return false;
  const want = Buffer.from(turnPassword(input.secret, input.username));
  const got = Buffer.from(input.password);
  if (want.length !== got.length || !timingSafeEqual(want, got)) return false;
  return input.now <= Number(input.username) * 1000;
}

function turnPassword(secret: string, username: string): string {
  return createHmac('sha1', secret).update(username).digest('base64');
}

const mintedPassword = lastResult(turnPassword);

/** Expiry in whole Unix seconds, `now + ttl` rounded down as Go's `Time.Unix()` does. */
export function expiryUnixSeconds(now: number, ttlMs: number | undefined, defaultTtlMs = DEFAULT_TURN_CREDENTIALS_TTL_MS): number {
  const ttl = ttlMs === undefined || ttlMs === 0 ? defaultTtlMs : ttlMs;
  if (!Number.isFinite(ttl) || ttl < 0) throw invalidArgument(`credentials TTL must be a positive duration, got ${ttlMs}`);
  return Math.floor((now + ttl) / 1000);
}
