import { Type, type Static } from 'typebox';

const Opt = Type.Optional;

/** OpenAPI `AccountSettings` as a request: the five always-sent members required, the rest optional. */
export const AccountSettingsRequest = Type.Object({
  peer_login_expiration_enabled: Type.Boolean(),
  peer_login_expiration: Type.Integer(),
  peer_inactivity_expiration_enabled: Type.Boolean(),
  peer_inactivity_expiration: Type.Integer(),
  regular_users_view_blocked: Type.Boolean(),
  groups_propagation_enabled: Opt(Type.Boolean()),
  jwt_groups_enabled: Opt(Type.Boolean()),
  jwt_groups_claim_name: Opt(Type.String()),
  jwt_allow_groups: Opt(Type.Array(Type.String())),
  routing_peer_dns_resolution_enabled: Opt(Type.Boolean()),
  dns_domain: Opt(Type.String()),
  network_range: Opt(Type.String()),
  peer_expose_enabled: Opt(Type.Boolean()),
  peer_expose_groups: Opt(Type.Array(Type.String())),
  extra: Opt(
    Type.Object({
      peer_approval_enabled: Opt(Type.Boolean()),
      user_approval_required: Opt(Type.Boolean()),
      network_traffic_logs_enabled: Opt(Type.Boolean()),
      network_traffic_logs_groups: Opt(Type.Array(Type.String())),
      network_traffic_packet_counter_enabled: Opt(Type.Boolean()),
    }),
  ),
  lazy_connection_enabled: Opt(Type.Boolean()),
  auto_update_version: Opt(Type.String()),
  auto_update_always: Opt(Type.Boolean()),
  // v0.77 fields of features Roost lacks: only their "off" values are accepted (from-api/unsupported-fields).
  network_range_v6: Opt(Type.String()),
  ipv6_enabled_groups: Opt(Type.Array(Type.String())),
  local_mfa_enabled: Opt(Type.Boolean()),
});
export type AccountSettingsRequest = Static<typeof AccountSettingsRequest>;

/** OpenAPI `AccountRequest` (PUT /api/accounts/{accountId}). */
export const AccountRequest = Type.Object({
  settings: AccountSettingsRequest,
  onboarding: Opt(Type.Object({ signup_form_pending: Opt(Type.Boolean()), onboarding_flow_pending: Opt(Type.Boolean()) })),
});
export type AccountRequest = Static<typeof AccountRequest>;
