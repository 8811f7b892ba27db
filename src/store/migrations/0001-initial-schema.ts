import type { CreateTableBuilder, Kysely, Migration } from 'kysely';
import { UNIQUE_INDEXES } from '../schema/unique-indexes.js';

// Column types every engine understands: `bigint` is INTEGER affinity on SQLite and int8 on
// PostgreSQL; booleans are integers; JSON is text.
const TEXT = 'text';
const INT = 'integer';
const BIGINT = 'bigint';

// Migrations are written against no compile-time schema: a migration must stay valid
// whatever the row types become later.
type Table = CreateTableBuilder<string, any>;

const text = (t: Table, name: string): Table => t.addColumn(name, TEXT, (c) => c.notNull());
const int = (t: Table, name: string): Table => t.addColumn(name, INT, (c) => c.notNull());
const ms = (t: Table, name: string): Table => t.addColumn(name, BIGINT, (c) => c.notNull());
const msOrNull = (t: Table, name: string): Table => t.addColumn(name, BIGINT);

/** Adds NOT NULL columns named by kind. */
function columns(t: Table, spec: { text?: string[]; int?: string[]; ms?: string[]; msOrNull?: string[] }): Table {
  for (const n of spec.text ?? []) t = text(t, n);
  for (const n of spec.int ?? []) t = int(t, n);
  for (const n of spec.ms ?? []) t = ms(t, n);
  for (const n of spec.msOrNull ?? []) t = msOrNull(t, n);
  return t;
}

async function createTables(db: Kysely<any>): Promise<void> {
  const s = db.schema;
  await columns(s.createTable('accounts').addColumn('id', TEXT, (c) => c.primaryKey()), {
    text: ['created_by', 'domain', 'network_identifier', 'network_net', 'settings', 'dns_settings'],
    ms: ['created_at', 'network_serial'],
  }).execute();
  await columns(s.createTable('peers').addColumn('id', TEXT, (c) => c.primaryKey()), {
    text: ['account_id', 'key', 'ip', 'name', 'dns_label', 'extra_dns_labels', 'meta', 'user_id', 'ssh_key', 'connection_ip'],
    int: ['allow_extra_dns_labels', 'connected', 'login_expired', 'requires_approval', 'ssh_enabled',
      'login_expiration_enabled', 'inactivity_expiration_enabled', 'ephemeral'],
    ms: ['last_seen', 'last_login', 'created_at'],
  }).execute();
  await columns(s.createTable('users').addColumn('id', TEXT, (c) => c.primaryKey()), {
    text: ['account_id', 'role', 'name', 'email', 'auto_groups', 'issued'],
    int: ['is_service_user', 'blocked', 'pending_approval'],
    ms: ['created_at'],
    msOrNull: ['last_login'],
  }).execute();
  await columns(s.createTable('personal_access_tokens').addColumn('id', TEXT, (c) => c.primaryKey()), {
    text: ['user_id', 'name', 'hashed_token', 'created_by'],
    ms: ['expires_at', 'created_at'],
    msOrNull: ['last_used'],
  }).execute();
  await columns(s.createTable('groups').addColumn('id', TEXT, (c) => c.primaryKey()), {
    text: ['account_id', 'name', 'issued'],
  }).execute();
  await columns(s.createTable('group_peers'), { text: ['account_id', 'group_id', 'peer_id'] })
    .addPrimaryKeyConstraint('group_peers_pkey', ['group_id', 'peer_id'])
    .execute();
  await columns(s.createTable('setup_keys').addColumn('id', TEXT, (c) => c.primaryKey()), {
    text: ['account_id', 'key_hash', 'key_secret', 'name', 'type', 'auto_groups'],
    int: ['revoked', 'used_times', 'usage_limit', 'ephemeral', 'allow_extra_dns_labels'],
    ms: ['created_at', 'updated_at'],
    msOrNull: ['expires_at', 'last_used'],
  }).execute();
  await columns(s.createTable('policies').addColumn('id', TEXT, (c) => c.primaryKey()), {
    text: ['account_id', 'name', 'description', 'source_posture_checks'],
    int: ['enabled'],
  }).execute();
  await columns(s.createTable('policy_rules'), {
    text: ['id', 'policy_id', 'account_id', 'name', 'description', 'action', 'sources', 'destinations',
      'protocol', 'ports', 'port_ranges', 'authorized_groups', 'authorized_user'],
    int: ['position', 'enabled', 'bidirectional'],
  })
    .addColumn('source_resource', TEXT)
    .addColumn('destination_resource', TEXT)
    .addPrimaryKeyConstraint('policy_rules_pkey', ['policy_id', 'id'])
    .execute();
  await columns(s.createTable('posture_checks').addColumn('id', TEXT, (c) => c.primaryKey()), {
    text: ['account_id', 'name', 'description', 'checks'],
  }).execute();
  await columns(s.createTable('routes').addColumn('id', TEXT, (c) => c.primaryKey()), {
    text: ['account_id', 'net_id', 'description', 'network', 'domains', 'peer', 'peer_groups', 'groups', 'access_control_groups'],
    int: ['network_type', 'keep_route', 'metric', 'masquerade', 'enabled', 'skip_auto_apply'],
  }).execute();
  await columns(s.createTable('name_server_groups').addColumn('id', TEXT, (c) => c.primaryKey()), {
    text: ['account_id', 'name', 'description', 'name_servers', 'groups', 'domains'],
    int: ['is_primary', 'search_domains_enabled', 'enabled'],
  }).execute();
}

/** Non-unique lookup indexes: every per-account table is read by account. */
const LOOKUP_INDEXES: readonly (readonly [string, string, readonly string[]])[] = [
  ['peers_account_idx', 'peers', ['account_id']],
  ['users_account_idx', 'users', ['account_id']],
  ['pat_user_idx', 'personal_access_tokens', ['user_id']],
  ['groups_account_idx', 'groups', ['account_id']],
  ['group_peers_account_idx', 'group_peers', ['account_id']],
  ['group_peers_peer_idx', 'group_peers', ['peer_id']],
  ['setup_keys_account_idx', 'setup_keys', ['account_id']],
  ['policies_account_idx', 'policies', ['account_id']],
  ['policy_rules_account_idx', 'policy_rules', ['account_id']],
  ['posture_checks_account_idx', 'posture_checks', ['account_id']],
  ['routes_account_idx', 'routes', ['account_id']],
  ['name_server_groups_account_idx', 'name_server_groups', ['account_id']],
];

/** Version 1: every table, the unique rules of UNIQUE_INDEXES, and lookup indexes. */
export const initialSchema: Migration = {
  async up(db: Kysely<any>): Promise<void> {
    await createTables(db);
    for (const u of UNIQUE_INDEXES) {
      await db.schema.createIndex(u.name).unique().on(u.table).columns([...u.columns]).execute();
    }
    for (const [name, table, cols] of LOOKUP_INDEXES) {
      await db.schema.createIndex(name).on(table).columns([...cols]).execute();
    }
  },
};
