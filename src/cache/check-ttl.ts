import { invalidArgument } from '../domain/errors.js';

/**
 * Validates a cache TTL and returns it as whole milliseconds (rounded up, so a tiny positive
 * TTL never becomes "no expiry" or an invalid `PX 0`). Engines share this so they agree on
 * what is accepted.
 *
 * @throws RoostError InvalidArgument unless `ttlMs` is a finite number > 0.
 */
export function checkTtl(ttlMs: number): number {
  if (!Number.isFinite(ttlMs) || ttlMs <= 0) {
    throw invalidArgument(`cache TTL must be a positive number of milliseconds, got ${ttlMs}`);
  }
  return Math.ceil(ttlMs);
}
