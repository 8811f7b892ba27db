import type { Migration } from 'kysely';
import { initialSchema } from './0001-initial-schema.js';
import { peerLoginGeneration } from './0002-peer-login-generation.js';

/**
 * Every migration, in order, keyed by a name that sorts by version. Append only: a released
 * migration is never edited; a schema change is a new entry.
 */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001-initial-schema': initialSchema,
  '0002-peer-login-generation': peerLoginGeneration,
};
