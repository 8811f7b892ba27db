import type { AccountSettings } from '../model.js';

/** Settings of a new account (SEMANTICS.md §1.1). */
export const DEFAULT_ACCOUNT_SETTINGS: AccountSettings = Object.freeze({
  peerLoginExpirationEnabled: true,
  peerLoginExpiration: 24 * 3600,
  peerInactivityExpirationEnabled: false,
  peerInactivityExpiration: 10 * 60,
  regularUsersViewBlocked: true,
  groupsPropagationEnabled: true,
  jwtGroupsEnabled: false,
  jwtGroupsClaimName: '',
  jwtAllowGroups: [],
  routingPeerDnsResolutionEnabled: true,
  dnsDomain: '',
  networkRange: '',
  lazyConnectionEnabled: false,
  // Upstream leaves it empty in the new object; its column default stores `disabled`.
  autoUpdateVersion: 'disabled',
  autoUpdateAlways: false,
  peerApprovalEnabled: false,
  userApprovalRequired: true,
});
