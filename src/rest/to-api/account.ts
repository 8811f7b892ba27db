import type { Account } from '../../domain/model.js';
import { apiTime } from './api-time.js';

export interface ApiAccountSettings {
  peer_login_expiration_enabled: boolean;
  peer_login_expiration: number;
  peer_inactivity_expiration_enabled: boolean;
  peer_inactivity_expiration: number;
  regular_users_view_blocked: boolean;
  groups_propagation_enabled: boolean;
  jwt_groups_enabled: boolean;
  jwt_groups_claim_name: string;
  jwt_allow_groups: string[];
  routing_peer_dns_resolution_enabled: boolean;
  dns_domain: string;
  network_range?: string;
  peer_expose_enabled: boolean;
  peer_expose_groups: string[];
  extra: {
    peer_approval_enabled: boolean;
    user_approval_required: boolean;
    network_traffic_logs_enabled: boolean;
    network_traffic_logs_groups: string[];
    network_traffic_packet_counter_enabled: boolean;
  };
  lazy_connection_enabled: boolean;
  auto_update_version: string;
  auto_update_always: boolean;
  /** Read-only; sent only when true, as upstream (`omitempty`). The dashboard's invite UI keys on it. */
  embedded_idp_enabled?: boolean;
  /** Read-only; sent only when true (Roost refuses `LocalAuthDisabled`, so never today). */
  local_auth_disabled?: boolean;
}

/** What the account answer says about the identity provider in use (IDENTITY.md §1.5). */
export interface AccountIdpView {
  /** Present when the embedded IdP is on. */
  readonly embedded?: { readonly localAuthDisabled: boolean };
}

/** OpenAPI `Account`. */
export interface ApiAccount {
  id: string;
  settings: ApiAccountSettings;
  domain: string;
  domain_category: string;
  created_at: string;
  created_by: string;
  onboarding: { signup_form_pending: boolean; onboarding_flow_pending: boolean };
}

/**
 * Features we do not have (reverse-proxy expose, traffic logs, the onboarding flow) are shown
 * switched off, as a self-hosted upstream shows them. `network_range` appears only when set.
 * An account with a domain is the single account (IDENTITY.md §10): category `private`.
 */
export function toApiAccount(account: Account, idp: AccountIdpView = {}): ApiAccount {
  const s = account.settings;
  return {
    id: account.id,
    settings: {
      peer_login_expiration_enabled: s.peerLoginExpirationEnabled,
      peer_login_expiration: s.peerLoginExpiration,
      peer_inactivity_expiration_enabled: s.peerInactivityExpirationEnabled,
      peer_inactivity_expiration: s.peerInactivityExpiration,
      regular_users_view_blocked: s.regularUsersViewBlocked,
      groups_propagation_enabled: s.groupsPropagationEnabled,
      jwt_groups_enabled: s.jwtGroupsEnabled,
      jwt_groups_claim_name: s.jwtGroupsClaimName,
      jwt_allow_groups: [...s.jwtAllowGroups],
      routing_peer_dns_resolution_enabled: s.routingPeerDnsResolutionEnabled,
      dns_domain: s.dnsDomain,
      ...(s.networkRange === '' ? {} : { network_range: s.networkRange }),
      peer_expose_enabled: false,
      peer_expose_groups: [],
      extra: {
        peer_approval_enabled: s.peerApprovalEnabled,
        user_approval_required: s.userApprovalRequired,
        network_traffic_logs_enabled: false,
        network_traffic_logs_groups: [],
        network_traffic_packet_counter_enabled: false,
      },
      lazy_connection_enabled: s.lazyConnectionEnabled,
      auto_update_version: s.autoUpdateVersion,
      auto_update_always: s.autoUpdateAlways,
      ...(idp.embedded ? { embedded_idp_enabled: true } : {}),
      ...(idp.embedded?.localAuthDisabled ? { local_auth_disabled: true } : {}),
    },
    domain: account.domain,
    domain_category: account.domain === '' ? '' : 'private',
    created_at: apiTime(account.createdAt),
    created_by: account.createdBy,
    onboarding: { signup_form_pending: false, onboarding_flow_pending: false },
  };
}
