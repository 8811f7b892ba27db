import type { UniqueTarget } from '../../domain/ports/unique-violation.js';

/** A unique index of the schema, and what breaking it means to the domain. */
export interface UniqueIndex {
  readonly name: string;
  readonly table: string;
  readonly columns: readonly string[];
  readonly target: UniqueTarget;
}

/**
 * Declared once: the initial migration creates these, and driver errors are mapped back to a
 * target through them (PostgreSQL names the index, SQLite names table and columns).
 */
export const UNIQUE_INDEXES: readonly UniqueIndex[] = [
  { name: 'peers_key_unique', table: 'peers', columns: ['key'], target: 'peer-key' },
  { name: 'peers_account_ip_unique', table: 'peers', columns: ['account_id', 'ip'], target: 'peer-ip' },
  { name: 'peers_account_dns_label_unique', table: 'peers', columns: ['account_id', 'dns_label'], target: 'peer-dns-label' },
  { name: 'setup_keys_key_hash_unique', table: 'setup_keys', columns: ['key_hash'], target: 'setup-key-hash' },
  { name: 'pat_hashed_token_unique', table: 'personal_access_tokens', columns: ['hashed_token'], target: 'token-hash' },
];
