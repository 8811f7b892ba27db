import type { Kysely } from 'kysely';
import type { Database } from '../schema/database.js';

/** The root database or a transaction: repositories work on either. */
export type DbHandle = Kysely<Database>;
