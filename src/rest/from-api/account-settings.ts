import type { AccountSettings } from '../../domain/model.js';
import type { AccountSettingsRequest } from '../schemas/account-request.js';

/** Keeps only the members that are set: `undefined` means "leave as stored". */
function defined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * The settings patch a PUT /api/accounts/{id} asks for. Optional members left out keep their
 * stored value (upstream's old clients omit the newer ones); an empty `network_range` keeps the
 * current range, as upstream. Range checks are the domain's (422).
 */
export function toSettingsPatch(s: AccountSettingsRequest): Partial<AccountSettings> {
  return defined({
    peerLoginExpirationEnabled: s.peer_login_expiration_enabled,
    peerLoginExpiration: s.peer_login_expiration,
    peerInactivityExpirationEnabled: s.peer_inactivity_expiration_enabled,
    peerInactivityExpiration: s.peer_inactivity_expiration,
    regularUsersViewBlocked: s.regular_users_view_blocked,
    groupsPropagationEnabled: s.groups_propagation_enabled,
    jwtGroupsEnabled: s.jwt_groups_enabled,
    jwtGroupsClaimName: s.jwt_groups_claim_name,
    jwtAllowGroups: s.jwt_allow_groups,
    routingPeerDnsResolutionEnabled: s.routing_peer_dns_resolution_enabled,
    dnsDomain: s.dns_domain,
    networkRange: s.network_range === '' ? undefined : s.network_range,
    lazyConnectionEnabled: s.lazy_connection_enabled,
    autoUpdateVersion: s.auto_update_version,
    autoUpdateAlways: s.auto_update_always,
    peerApprovalEnabled: s.extra?.peer_approval_enabled,
    userApprovalRequired: s.extra?.user_approval_required,
  });
}
