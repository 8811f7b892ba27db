import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { lastResult } from './last-result.js';
import { expiryUnixSeconds } from './turn-credentials.js';

/** Upstream's fallback when the Relay section sets no TTL. */
export const DEFAULT_RELAY_TOKEN_TTL_MS = 12 * 60 * 60 * 1000;

export interface RelayToken {
  /** Expiry as decimal Unix seconds. */
  readonly payload: string;
  /** Standard padded base64 of HMAC-SHA256(SHA-256(secret), payload). */
  readonly signature: string;
}

export interface GenerateRelayTokenInput {
  /** The relay's shared `auth-secret`. */
  readonly secret: string;
  /** Lifetime; `undefined` or 0 means `DEFAULT_RELAY_TOKEN_TTL_MS`. */
  readonly ttlMs?: number | undefined;
  /** Epoch milliseconds (from the injected Clock). */
  readonly now: number;
}

/**
 * A relay auth token (PROTOCOL.md §11): payload = expiry in Unix seconds; signature = base64
 * HMAC-SHA256 keyed with the raw SHA-256 digest of the secret (the relay derives the same key).
 *
 * @throws RoostError InvalidArgument for a negative or non-finite TTL.
 */
export function generateRelayToken(input: GenerateRelayTokenInput): RelayToken {
  const payload = String(expiryUnixSeconds(input.now, input.ttlMs, DEFAULT_RELAY_TOKEN_TTL_MS));
  return { payload, signature: mintedSignature(input.secret, payload) };
}

export interface VerifyRelayTokenInput {
  readonly secret: string;
  readonly payload: string;
  readonly signature: string;
  /** Epoch milliseconds. */
  readonly now: number;
}

/** What the relay checks: the MAC matches and `now ≤ expiry`. */
export function verifyRelayToken(input: VerifyRelayTokenInput): boolean {
  if (!/^\d{1,15}$/.test(input.payload)) return false;
  const want = relaySignature(input.secret, input.payload);
  const got = Buffer.from(input.signature, 'base64');
  // Reject non-canonical base64 too: the client refuses a signature it cannot decode.
  if (got.toString('base64') !== input.signature) return false;
  if (want.length !== got.length || !timingSafeEqual(want, got)) return false;
  return input.now <= Number(input.payload) * 1000;
}

function relaySignature(secret: string, payload: string): Buffer {
  const key = createHash('sha256').update(secret).digest();
  return createHmac('sha256', key).update(payload).digest();
}

const mintedSignature = lastResult((secret: string, payload: string) => relaySignature(secret, payload).toString('base64'));
