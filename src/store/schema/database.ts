import type { Generated } from 'kysely';

/**
 * Row types of the one schema both engines share. Conventions that keep the two engines
 * returning identical values: times are epoch-ms `bigint` (PostgreSQL int8 is parsed to a
 * number by the pool), booleans are `integer` 0/1 (better-sqlite3 cannot bind booleans),
 * lists and nested objects are JSON `text`.
 */

/** 0 or 1. */
export type Flag = number;
/** JSON text. */
export type Json = string;

export interface AccountsTable {
  id: string;
  created_by: string;
  created_at: number;
  domain: string;
  network_identifier: string;
  network_net: string;
  network_serial: number;
  settings: Json;
  dns_settings: Json;
}

export interface PeersTable {
  id: string;
  account_id: string;
  key: string;
  ip: string;
  name: string;
  dns_label: string;
  extra_dns_labels: Json;
  allow_extra_dns_labels: Flag;
  meta: Json;
  connected: Flag;
  last_seen: number;
  login_expired: Flag;
  requires_approval: Flag;
  user_id: string;
  ssh_key: string;
  ssh_enabled: Flag;
  login_expiration_enabled: Flag;
  inactivity_expiration_enabled: Flag;
  last_login: number;
  created_at: number;
  ephemeral: Flag;
  connection_ip: string;
  login_generation: number;
}

export interface UsersTable {
  id: string;
  account_id: string;
  role: string;
  is_service_user: Flag;
  name: string;
  email: string;
  auto_groups: Json;
  blocked: Flag;
  pending_approval: Flag;
  issued: string;
  last_login: number | null;
  created_at: number;
}

export interface PersonalAccessTokensTable {
  id: string;
  user_id: string;
  name: string;
  hashed_token: string;
  expires_at: number;
  created_by: string;
  created_at: number;
  last_used: number | null;
}

export interface GroupsTable {
  id: string;
  account_id: string;
  name: string;
  issued: string;
}

export interface GroupPeersTable {
  account_id: string;
  group_id: string;
  peer_id: string;
}

export interface SetupKeysTable {
  id: string;
  account_id: string;
  key_hash: string;
  key_secret: string;
  name: string;
  type: string;
  created_at: number;
  updated_at: number;
  expires_at: number | null;
  revoked: Flag;
  used_times: number;
  last_used: number | null;
  usage_limit: number;
  auto_groups: Json;
  ephemeral: Flag;
  allow_extra_dns_labels: Flag;
}

export interface PoliciesTable {
  id: string;
  account_id: string;
  name: string;
  description: string;
  enabled: Flag;
  source_posture_checks: Json;
}

export interface PolicyRulesTable {
  id: string;
  policy_id: string;
  account_id: string;
  /** Order of the rule inside its policy. */
  position: number;
  name: string;
  description: string;
  enabled: Flag;
  action: string;
  sources: Json;
  destinations: Json;
  source_resource: Json | null;
  destination_resource: Json | null;
  bidirectional: Flag;
  protocol: string;
  ports: Json;
  port_ranges: Json;
  authorized_groups: Json;
  authorized_user: string;
}

export interface PostureChecksTable {
  id: string;
  account_id: string;
  name: string;
  description: string;
  checks: Json;
}

export interface RoutesTable {
  id: string;
  account_id: string;
  net_id: string;
  description: string;
  network: string;
  network_type: number;
  domains: Json;
  keep_route: Flag;
  peer: string;
  peer_groups: Json;
  metric: number;
  masquerade: Flag;
  enabled: Flag;
  groups: Json;
  access_control_groups: Json;
  skip_auto_apply: Flag;
}

export interface NameServerGroupsTable {
  id: string;
  account_id: string;
  name: string;
  description: string;
  name_servers: Json;
  groups: Json;
  is_primary: Flag;
  domains: Json;
  search_domains_enabled: Flag;
  enabled: Flag;
}

/** Shared secrets of the deployment (server key, TURN/relay secret); values never logged. */
export interface ServerSecretsTable {
  name: string;
  value: string;
  created_at: number;
}

/** The embedded OpenID provider's tables (migration 0005). */
export interface IdpSigningKeysTable {
  generation: number;
  kid: string;
  private_jwk: Json;
  created_at: number;
}

export interface IdpPayloadsTable {
  model: string;
  id: string;
  payload: Json;
  grant_id: string | null;
  user_code: string | null;
  uid: string | null;
  /** Epoch ms; rows past it are never returned. */
  expires_at: number;
  consumed_at: number | null;
}

export interface IdpUsersTable {
  id: string;
  /** Lower-cased. */
  email: string;
  username: string;
  name: string;
  password_hash: string;
  created_at: number;
}

/** Invite links of the embedded IdP (migration 0007); `email` lower-cased, `auto_groups` a JSON array. */
export interface UserInvitesTable {
  id: string;
  account_id: string;
  email: string;
  name: string;
  role: string;
  auto_groups: Json;
  hashed_token: string;
  expires_at: number;
  created_at: number;
  created_by: string;
}

/** The audit log (migration 0010); `meta` is a JSON object of plain values. */
export interface AuditEventsTable {
  id: Generated<number>;
  account_id: string;
  timestamp: number;
  activity: number;
  initiator_id: string;
  target_id: string;
  meta: Json;
}

/** The Networks feature (migration 0008); a resource's group IDs are a JSON array. */
export interface NetworksTable {
  id: string;
  account_id: string;
  name: string;
  description: string;
}

export interface NetworkResourcesTable {
  id: string;
  account_id: string;
  network_id: string;
  name: string;
  description: string;
  type: string;
  prefix: string;
  domain: string;
  enabled: Flag;
  groups: Json;
}

export interface NetworkRoutersTable {
  id: string;
  account_id: string;
  network_id: string;
  peer: string;
  peer_groups: Json;
  masquerade: Flag;
  metric: number;
  enabled: Flag;
}

/** Custom DNS zones (migration 0009); `domain` unique per account. */
export interface DnsZonesTable {
  id: string;
  account_id: string;
  name: string;
  domain: string;
  enabled: Flag;
  enable_search_domain: Flag;
  distribution_groups: Json;
}

/** Records of a custom DNS zone (migration 0009). */
export interface DnsRecordsTable {
  id: string;
  account_id: string;
  zone_id: string;
  name: string;
  type: string;
  content: string;
  ttl: number;
}

export interface Database {
  accounts: AccountsTable;
  peers: PeersTable;
  users: UsersTable;
  personal_access_tokens: PersonalAccessTokensTable;
  groups: GroupsTable;
  group_peers: GroupPeersTable;
  setup_keys: SetupKeysTable;
  policies: PoliciesTable;
  policy_rules: PolicyRulesTable;
  posture_checks: PostureChecksTable;
  routes: RoutesTable;
  name_server_groups: NameServerGroupsTable;
  server_secrets: ServerSecretsTable;
  idp_signing_keys: IdpSigningKeysTable;
  idp_payloads: IdpPayloadsTable;
  idp_users: IdpUsersTable;
  user_invites: UserInvitesTable;
  audit_events: AuditEventsTable;
  networks: NetworksTable;
  network_resources: NetworkResourcesTable;
  network_routers: NetworkRoutersTable;
  dns_zones: DnsZonesTable;
  dns_records: DnsRecordsTable;
}
