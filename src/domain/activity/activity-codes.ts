/**
 * Upstream NetBird's activity table (`management/server/activity/codes.go`): the number stored
 * with each event, and the message and `activity_code` string the REST API answers with. The
 * numbers are part of the stored data (an imported upstream `events.db` keeps them), so an entry
 * is never renumbered. Numbers marked "fixture" were read from an upstream store written at the
 * reference commit (`shared/fixtures/upstream-store/events.db`); the rest follow upstream's order.
 */
export const Activity = {
  PeerAddedByUser: 0, // fixture
  PeerAddedWithSetupKey: 1, // fixture
  UserJoined: 2, // fixture
  UserInvited: 3,
  AccountCreated: 4, // fixture
  PeerRemovedByUser: 5, // fixture
  RuleAdded: 6,
  RuleUpdated: 7,
  RuleRemoved: 8,
  PolicyAdded: 9, // fixture
  PolicyUpdated: 10,
  PolicyRemoved: 11,
  SetupKeyCreated: 12, // fixture
  SetupKeyUpdated: 13,
  SetupKeyRevoked: 14, // fixture
  SetupKeyOverused: 15,
  GroupCreated: 16, // fixture
  GroupUpdated: 17,
  GroupAddedToPeer: 18, // fixture
  GroupRemovedFromPeer: 19,
  GroupAddedToUser: 20, // fixture
  GroupRemovedFromUser: 21,
  UserRoleUpdated: 22,
  GroupAddedToSetupKey: 23, // fixture
  GroupRemovedFromSetupKey: 24,
  GroupAddedToDisabledManagementGroups: 25, // fixture
  GroupRemovedFromDisabledManagementGroups: 26,
  RouteCreated: 27, // fixture
  RouteRemoved: 28,
  RouteUpdated: 29,
  PeerSSHEnabled: 30, // fixture
  PeerSSHDisabled: 31,
  PeerRenamed: 32, // fixture
  PeerLoginExpirationEnabled: 33,
  PeerLoginExpirationDisabled: 34,
  NameserverGroupCreated: 35, // fixture
  NameserverGroupDeleted: 36,
  NameserverGroupUpdated: 37,
  AccountPeerLoginExpirationEnabled: 38,
  AccountPeerLoginExpirationDisabled: 39,
  AccountPeerLoginExpirationDurationUpdated: 40, // fixture
  PersonalAccessTokenCreated: 41, // fixture
  PersonalAccessTokenDeleted: 42,
  ServiceUserCreated: 43, // fixture
  ServiceUserDeleted: 44, // fixture
  UserBlocked: 45,
  UserUnblocked: 46,
  UserDeleted: 47,
  GroupDeleted: 48,
  UserLoggedInPeer: 49,
  PeerLoginExpired: 50,
  DashboardLogin: 51,
  IntegrationCreated: 52,
  IntegrationUpdated: 53,
  IntegrationDeleted: 54,
  AccountPeerApprovalEnabled: 55,
  AccountPeerApprovalDisabled: 56,
  PeerApproved: 57,
  PeerApprovalRevoked: 58,
  TransferredOwnerRole: 59,
  PostureCheckCreated: 60, // fixture
  PostureCheckUpdated: 61,
  PostureCheckDeleted: 62,
  PeerInactivityExpirationEnabled: 63,
  PeerInactivityExpirationDisabled: 64,
  AccountPeerInactivityExpirationEnabled: 65,
  AccountPeerInactivityExpirationDisabled: 66,
  AccountPeerInactivityExpirationDurationUpdated: 67, // fixture
  SetupKeyDeleted: 68,
  UserGroupPropagationEnabled: 69,
  UserGroupPropagationDisabled: 70,
  AccountRoutingPeerDNSResolutionEnabled: 71,
  AccountRoutingPeerDNSResolutionDisabled: 72,
  NetworkCreated: 73, // fixture
  NetworkUpdated: 74,
  NetworkDeleted: 75,
  NetworkResourceCreated: 76, // fixture
  NetworkResourceUpdated: 77,
  NetworkResourceDeleted: 78,
  NetworkRouterCreated: 79, // fixture
  NetworkRouterUpdated: 80,
  NetworkRouterDeleted: 81,
  ResourceAddedToGroup: 82, // fixture
  ResourceRemovedFromGroup: 83,
  AccountDNSDomainUpdated: 84, // fixture
  AccountLazyConnectionEnabled: 85,
  AccountLazyConnectionDisabled: 86,
  AccountNetworkRangeUpdated: 87,
  PeerIPUpdated: 88,
  UserApproved: 89, // fixture
  UserRejected: 90,
  UserCreated: 91,
  AccountAutoUpdateVersionUpdated: 92,
  IdentityProviderCreated: 93,
  IdentityProviderUpdated: 94,
  IdentityProviderDeleted: 95,
  DNSZoneCreated: 96, // fixture
  DNSZoneUpdated: 97,
  DNSZoneDeleted: 98,
  DNSRecordCreated: 99, // fixture
  DNSRecordUpdated: 100,
  DNSRecordDeleted: 101,
  PeerJobCreated: 102,
  UserPasswordChanged: 103,
  UserInviteLinkCreated: 104,
  UserInviteLinkAccepted: 105,
  UserInviteLinkRegenerated: 106,
  UserInviteLinkDeleted: 107,
  AccountDeleted: 99999,
} as const;

export type ActivityName = keyof typeof Activity;
export type ActivityNumber = (typeof Activity)[ActivityName];

/** What the API shows for an activity: `activity` (message) and `activity_code`. */
export interface ActivityText {
  readonly message: string;
  readonly code: string;
}

/** Message and code per activity; the compiler checks every activity has one. */
export const ACTIVITY_TEXT: Readonly<Record<ActivityName, readonly [message: string, code: string]>> = {
  PeerAddedByUser: ['Peer added', 'peer.user.add'],
  PeerAddedWithSetupKey: ['Peer added', 'peer.setupkey.add'],
  UserJoined: ['User joined', 'user.join'],
  UserInvited: ['User invited', 'user.invite'],
  AccountCreated: ['Account created', 'account.create'],
  PeerRemovedByUser: ['Peer deleted', 'user.peer.delete'],
  RuleAdded: ['Rule added', 'rule.add'],
  RuleUpdated: ['Rule updated', 'rule.update'],
  RuleRemoved: ['Rule deleted', 'rule.delete'],
  PolicyAdded: ['Policy added', 'policy.add'],
  PolicyUpdated: ['Policy updated', 'policy.update'],
  PolicyRemoved: ['Policy deleted', 'policy.delete'],
  SetupKeyCreated: ['Setup key created', 'setupkey.add'],
  SetupKeyUpdated: ['Setup key updated', 'setupkey.update'],
  SetupKeyRevoked: ['Setup key revoked', 'setupkey.revoke'],
  SetupKeyOverused: ['Setup key overused', 'setupkey.overuse'],
  GroupCreated: ['Group created', 'group.add'],
  GroupUpdated: ['Group updated', 'group.update'],
  GroupAddedToPeer: ['Group added to peer', 'peer.group.add'],
  GroupRemovedFromPeer: ['Group removed from peer', 'peer.group.delete'],
  GroupAddedToUser: ['Group added to user', 'user.group.add'],
  GroupRemovedFromUser: ['Group removed from user', 'user.group.delete'],
  UserRoleUpdated: ['User role updated', 'user.role.update'],
  GroupAddedToSetupKey: ['Group added to setup key', 'setupkey.group.add'],
  GroupRemovedFromSetupKey: ['Group removed from user setup key', 'setupkey.group.delete'],
  GroupAddedToDisabledManagementGroups: ['Group added to disabled management DNS setting', 'dns.setting.disabled.management.group.add'],
  GroupRemovedFromDisabledManagementGroups: ['Group removed from disabled management DNS setting', 'dns.setting.disabled.management.group.delete'],
  RouteCreated: ['Route created', 'route.add'],
  RouteRemoved: ['Route deleted', 'route.delete'],
  RouteUpdated: ['Route updated', 'route.update'],
  PeerSSHEnabled: ['Peer SSH server enabled', 'peer.ssh.enable'],
  PeerSSHDisabled: ['Peer SSH server disabled', 'peer.ssh.disable'],
  PeerRenamed: ['Peer renamed', 'peer.rename'],
  PeerLoginExpirationEnabled: ['Peer login expiration enabled', 'peer.login.expiration.enable'],
  PeerLoginExpirationDisabled: ['Peer login expiration disabled', 'peer.login.expiration.disable'],
  NameserverGroupCreated: ['Nameserver group created', 'nameserver.group.add'],
  NameserverGroupDeleted: ['Nameserver group deleted', 'nameserver.group.delete'],
  NameserverGroupUpdated: ['Nameserver group updated', 'nameserver.group.update'],
  AccountPeerLoginExpirationEnabled: ['Account peer login expiration enabled', 'account.setting.peer.login.expiration.enable'],
  AccountPeerLoginExpirationDisabled: ['Account peer login expiration disabled', 'account.setting.peer.login.expiration.disable'],
  AccountPeerLoginExpirationDurationUpdated: ['Account peer login expiration duration updated', 'account.setting.peer.login.expiration.update'],
  PersonalAccessTokenCreated: ['Personal access token created', 'personal.access.token.create'],
  PersonalAccessTokenDeleted: ['Personal access token deleted', 'personal.access.token.delete'],
  ServiceUserCreated: ['Service user created', 'service.user.create'],
  ServiceUserDeleted: ['Service user deleted', 'service.user.delete'],
  UserBlocked: ['User blocked', 'user.block'],
  UserUnblocked: ['User unblocked', 'user.unblock'],
  UserDeleted: ['User deleted', 'user.delete'],
  GroupDeleted: ['Group deleted', 'group.delete'],
  UserLoggedInPeer: ['User logged in peer', 'user.peer.login'],
  PeerLoginExpired: ['Peer login expired', 'peer.login.expire'],
  DashboardLogin: ['Dashboard login', 'dashboard.login'],
  IntegrationCreated: ['Integration created', 'integration.create'],
  IntegrationUpdated: ['Integration updated', 'integration.update'],
  IntegrationDeleted: ['Integration deleted', 'integration.delete'],
  AccountPeerApprovalEnabled: ['Account peer approval enabled', 'account.setting.peer.approval.enable'],
  AccountPeerApprovalDisabled: ['Account peer approval disabled', 'account.setting.peer.approval.disable'],
  PeerApproved: ['Peer approved', 'peer.approve'],
  PeerApprovalRevoked: ['Peer approval revoked', 'peer.approval.revoke'],
  TransferredOwnerRole: ['Transferred owner role', 'transferred.owner.role'],
  PostureCheckCreated: ['Posture check created', 'posture.check.create'],
  PostureCheckUpdated: ['Posture check updated', 'posture.check.update'],
  PostureCheckDeleted: ['Posture check deleted', 'posture.check.delete'],
  PeerInactivityExpirationEnabled: ['Peer inactivity expiration enabled', 'peer.inactivity.expiration.enable'],
  PeerInactivityExpirationDisabled: ['Peer inactivity expiration disabled', 'peer.inactivity.expiration.disable'],
  AccountPeerInactivityExpirationEnabled: ['Account peer inactivity expiration enabled', 'account.peer.inactivity.expiration.enable'],
  AccountPeerInactivityExpirationDisabled: ['Account peer inactivity expiration disabled', 'account.peer.inactivity.expiration.disable'],
  AccountPeerInactivityExpirationDurationUpdated: ['Account peer inactivity expiration duration updated', 'account.peer.inactivity.expiration.update'],
  SetupKeyDeleted: ['Setup key deleted', 'setupkey.delete'],
  UserGroupPropagationEnabled: ['User group propagation enabled', 'account.setting.group.propagation.enable'],
  UserGroupPropagationDisabled: ['User group propagation disabled', 'account.setting.group.propagation.disable'],
  AccountRoutingPeerDNSResolutionEnabled: ['Account routing peer DNS resolution enabled', 'account.setting.routing.peer.dns.resolution.enable'],
  AccountRoutingPeerDNSResolutionDisabled: ['Account routing peer DNS resolution disabled', 'account.setting.routing.peer.dns.resolution.disable'],
  NetworkCreated: ['Network created', 'network.create'],
  NetworkUpdated: ['Network updated', 'network.update'],
  NetworkDeleted: ['Network deleted', 'network.delete'],
  NetworkResourceCreated: ['Network resource created', 'network.resource.create'],
  NetworkResourceUpdated: ['Network resource updated', 'network.resource.update'],
  NetworkResourceDeleted: ['Network resource deleted', 'network.resource.delete'],
  NetworkRouterCreated: ['Network router created', 'network.router.create'],
  NetworkRouterUpdated: ['Network router updated', 'network.router.update'],
  NetworkRouterDeleted: ['Network router deleted', 'network.router.delete'],
  ResourceAddedToGroup: ['Resource added to group', 'resource.group.add'],
  ResourceRemovedFromGroup: ['Resource removed from group', 'resource.group.delete'],
  AccountDNSDomainUpdated: ['Account DNS domain updated', 'account.dns.domain.update'],
  AccountLazyConnectionEnabled: ['Account lazy connection enabled', 'account.setting.lazy.connection.enable'],
  AccountLazyConnectionDisabled: ['Account lazy connection disabled', 'account.setting.lazy.connection.disable'],
  AccountNetworkRangeUpdated: ['Account network range updated', 'account.network.range.update'],
  PeerIPUpdated: ['Peer IP updated', 'peer.ip.update'],
  UserApproved: ['User approved', 'user.approve'],
  UserRejected: ['User rejected', 'user.reject'],
  UserCreated: ['User created', 'user.create'],
  AccountAutoUpdateVersionUpdated: ['Account AutoUpdate Version updated', 'account.settings.auto.version.update'],
  IdentityProviderCreated: ['Identity provider created', 'identityprovider.create'],
  IdentityProviderUpdated: ['Identity provider updated', 'identityprovider.update'],
  IdentityProviderDeleted: ['Identity provider deleted', 'identityprovider.delete'],
  DNSZoneCreated: ['DNS zone created', 'dns.zone.create'],
  DNSZoneUpdated: ['DNS zone updated', 'dns.zone.update'],
  DNSZoneDeleted: ['DNS zone deleted', 'dns.zone.delete'],
  DNSRecordCreated: ['DNS zone record created', 'dns.zone.record.create'],
  DNSRecordUpdated: ['DNS zone record updated', 'dns.zone.record.update'],
  DNSRecordDeleted: ['DNS zone record deleted', 'dns.zone.record.delete'],
  PeerJobCreated: ['Peer job created', 'peer.job.create'],
  UserPasswordChanged: ['User password changed', 'user.password.change'],
  UserInviteLinkCreated: ['User invite link created', 'user.invite.link.create'],
  UserInviteLinkAccepted: ['User invite link accepted', 'user.invite.link.accept'],
  UserInviteLinkRegenerated: ['User invite link regenerated', 'user.invite.link.regenerate'],
  UserInviteLinkDeleted: ['User invite link deleted', 'user.invite.link.delete'],
  AccountDeleted: ['Account deleted', 'account.delete'],
};

const UNKNOWN: ActivityText = { message: 'UNKNOWN_ACTIVITY', code: 'UNKNOWN_ACTIVITY' };

const BY_NUMBER: ReadonlyMap<number, ActivityText> = new Map(
  (Object.keys(Activity) as ActivityName[]).map((name) => [Activity[name], { message: ACTIVITY_TEXT[name][0], code: ACTIVITY_TEXT[name][1] }]),
);

/** Message and code of a stored activity number; upstream's `UNKNOWN_ACTIVITY` for numbers it does not know. */
export function activityText(activity: number): ActivityText {
  return BY_NUMBER.get(activity) ?? UNKNOWN;
}

/** The activity numbers whose `activity_code` is `code` (filters by code at the store). */
export function activitiesWithCode(code: string): number[] {
  return [...BY_NUMBER].filter(([, t]) => t.code === code).map(([n]) => n);
}
