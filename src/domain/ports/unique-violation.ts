import { RoostError } from '../errors.js';

/** Which unique rule a write broke; the registration loop retries only on IP and label. */
export type UniqueTarget = 'peer-key' | 'peer-ip' | 'peer-dns-label' | 'setup-key-hash' | 'token-hash' | 'primary-key' | 'other';

/**
 * A write hit a unique index (SQLite `UNIQUE constraint failed`, PostgreSQL 23505). The store
 * translates driver errors into this so the domain can react without knowing the engine.
 */
export class UniqueViolation extends RoostError {
  constructor(
    readonly target: UniqueTarget,
    message: string,
    options?: { cause?: unknown },
  ) {
    super('AlreadyExists', message, options);
  }
}

export function isUniqueViolation(err: unknown, ...targets: UniqueTarget[]): err is UniqueViolation {
  return err instanceof UniqueViolation && (targets.length === 0 || targets.includes(err.target));
}
