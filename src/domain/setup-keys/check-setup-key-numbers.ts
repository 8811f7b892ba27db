import { invalidArgument } from '../errors.js';

const DAY_SECONDS = 86_400;

/** Upstream's (OpenAPI) lifetime bounds in seconds; 0 stays "never expires". */
export const API_MIN_EXPIRES_IN = DAY_SECONDS;
export const MAX_EXPIRES_IN = 365 * DAY_SECONDS;
/** The store's usage counter is a 32-bit integer on PostgreSQL. */
export const MAX_USAGE_LIMIT = 2_147_483_647;

export interface SetupKeyNumbers {
  /** Seconds until expiry; 0 = never. */
  readonly expiresIn: number;
  /** 0 = unlimited. */
  readonly usageLimit: number;
}

/**
 * Refuses numbers a stored key could not carry or render back: a lifetime past a year (an
 * expiry date beyond JS/RFC 3339 range made the whole key list unreadable) and a usage limit
 * outside the store's integer. `minExpiresIn` is the shortest lifetime other than 0: the API
 * asks upstream's one day, internal callers may make shorter keys.
 */
export function checkSetupKeyNumbers(n: SetupKeyNumbers, minExpiresIn = 1): void {
  if (!Number.isInteger(n.expiresIn)) throw invalidArgument('expiresIn must be a whole number of seconds');
  if (n.expiresIn < 0) throw invalidArgument('expiresIn can not be in the past');
  if (n.expiresIn !== 0 && (n.expiresIn < minExpiresIn || n.expiresIn > MAX_EXPIRES_IN)) {
    throw invalidArgument('expiresIn should be between 1 day and 365 days');
  }
  if (!Number.isInteger(n.usageLimit) || n.usageLimit < 0 || n.usageLimit > MAX_USAGE_LIMIT) {
    throw invalidArgument(`usage limit should be between 0 (unlimited) and ${MAX_USAGE_LIMIT}`);
  }
}
