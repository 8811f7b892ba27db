import { createAccountService, type AccountService } from './accounts/account-service.js';
import { createActivityService, type ActivityService } from './activity/activity-service.js';
import { createAccountDeletion, type AccountDeletion } from './accounts/delete-account.js';
import { ensureDefaultAccount, type DefaultAccount } from './accounts/ensure-default-account.js';
import { createDnsSettingsService, type DnsSettingsService } from './dns-settings/dns-settings-service.js';
import { createDnsZoneService, type DnsZoneService } from './dns-zones/dns-zone-service.js';
import type { DomainDeps } from './domain-deps.js';
import { createGroupService, type GroupService } from './groups/group-service.js';
import { createNetworkResourceService, createNetworkRouterService, createNetworkService, type NetworkResourceService, type NetworkRouterService, type NetworkService } from './networks/index.js';
import { createNameServerGroupService, type NameServerGroupService } from './nameservers/nameserver-group-service.js';
import { createPeerLifecycle, createPeerService, type PeerLifecycle, type PeerService } from './peers/peer-service.js';
import { createPolicyService, type PolicyService } from './policies/policy-service.js';
import { createPostureCheckService, type PostureCheckService } from './posture-checks/posture-check-service.js';
import { createRouteService, type RouteService } from './routes/route-service.js';
import { createSetupKeyService, type SetupKeyService } from './setup-keys/setup-key-service.js';
import { createTokenService, type TokenService } from './users/token-service.js';
import { createUserService, type UserService } from './users/user-service.js';

/** Every domain service, built from one deps object (the composition root calls this once). */
export interface DomainServices {
  readonly accounts: AccountService;
  readonly users: UserService;
  readonly tokens: TokenService;
  readonly peers: PeerService;
  /** Login, Sync, SyncMeta and Logout operations for the gRPC layer. */
  readonly peerLifecycle: PeerLifecycle;
  readonly groups: GroupService;
  readonly policies: PolicyService;
  readonly setupKeys: SetupKeyService;
  readonly routes: RouteService;
  readonly nameServerGroups: NameServerGroupService;
  readonly dnsSettings: DnsSettingsService;
  readonly postureChecks: PostureCheckService;
  /** The audit log's read side. */
  readonly activity: ActivityService;
  readonly networks: NetworkService;
  readonly networkResources: NetworkResourceService;
  readonly networkRouters: NetworkRouterService;
  readonly dnsZones: DnsZoneService;
  readonly accountDeletion: AccountDeletion;
  ensureDefaultAccount(opts?: { now?: number }): Promise<DefaultAccount>;
}

export function createDomainServices(deps: DomainDeps): DomainServices {
  return {
    accounts: createAccountService(deps),
    users: createUserService(deps),
    tokens: createTokenService(deps),
    peers: createPeerService(deps),
    peerLifecycle: createPeerLifecycle(deps),
    groups: createGroupService(deps),
    policies: createPolicyService(deps),
    setupKeys: createSetupKeyService(deps),
    routes: createRouteService(deps),
    nameServerGroups: createNameServerGroupService(deps),
    dnsSettings: createDnsSettingsService(deps),
    postureChecks: createPostureCheckService(deps),
    activity: createActivityService(deps),
    networks: createNetworkService(deps),
    networkResources: createNetworkResourceService(deps),
    networkRouters: createNetworkRouterService(deps),
    dnsZones: createDnsZoneService(deps, deps.dnsDomain),
    accountDeletion: createAccountDeletion(deps),
    ensureDefaultAccount: (opts) => ensureDefaultAccount(deps, opts),
  };
}
