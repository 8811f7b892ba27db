/**
 * Persistence for Roost: one Kysely schema and one migration list served by two engines,
 * SQLite (better-sqlite3, WAL, writers serialised with BEGIN IMMEDIATE) and PostgreSQL (pg
 * pool, row locks with FOR UPDATE). It implements the domain's storage port
 * (`domain/ports/`) and the cheap reads the Sync hot path needs.
 *
 * It must not hold business rules: what may be written, when the serial moves and what is
 * published belong to `domain/`. Domain objects go in and come out; rows never leave.
 */
export { openStore, type StoreOptions } from './open-store.js';
export type { Store } from './store.js';
export type { IdpRepository, IdpUserRecord, StoredSigningKey } from './repositories/idp-repository.js';
export { waitForDatabase } from './wait-for-database.js';
