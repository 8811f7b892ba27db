import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AccountService } from '../domain/accounts/account-service.js';
import type { ActivityService } from '../domain/activity/activity-service.js';
import type { AccountDeletion } from '../domain/accounts/delete-account.js';
import type { Clock } from '../domain/clock.js';
import type { DnsSettingsService } from '../domain/dns-settings/dns-settings-service.js';
import type { DnsZoneService } from '../domain/dns-zones/dns-zone-service.js';
import type { GroupService } from '../domain/groups/group-service.js';
import type { Account, AccountSnapshot, User } from '../domain/model.js';
import type { NameServerGroupService } from '../domain/nameservers/nameserver-group-service.js';
import type { NetworkResourceService, NetworkRouterService, NetworkService } from '../domain/networks/index.js';
import type { PeerService } from '../domain/peers/peer-service.js';
import type { PolicyService } from '../domain/policies/policy-service.js';
import type { PostureCheckService } from '../domain/posture-checks/posture-check-service.js';
import type { RouteService } from '../domain/routes/route-service.js';
import type { SetupKeyService } from '../domain/setup-keys/setup-key-service.js';
import type { TokenService } from '../domain/users/token-service.js';
import type { UserService } from '../domain/users/user-service.js';
import type { EmbeddedUserLifecycle } from '../domain/users/embedded-user-lifecycle.js';
import type { UserAuth } from '../identity/index.js';

/** The one log call the REST edge makes: an unexpected error, once per request. */
export interface RestLog {
  error(obj: Record<string, unknown>, msg: string): void;
}

/** Reads an account at one serial for the network-map-based endpoints (accessible peers). */
export interface SnapshotSource {
  loadAccountSnapshot(accountId: string): Promise<AccountSnapshot>;
}

/** Checks `Authorization: Bearer <JWT>` against the IdP's keys (identity/jwt); Unauthenticated otherwise. */
export interface JwtCheck {
  validate(token: string): Promise<UserAuth>;
}

/**
 * Finds or creates the user a validated token speaks for, with their account (IDENTITY.md
 * §2.4), after the JWT-groups gate (§2.5: PermissionDenied) and groups sync, storing a newer
 * `nb_last_login` (the domain's `resolveUserFromAuth`).
 */
export type ResolveUser = (auth: UserAuth) => Promise<{ readonly user: User; readonly account: Account }>;

/** Looks a PAT up by its stored hash, to tell an unknown token (404) from an expired one (401). */
export interface TokenHashLookup {
  findByHash(hashedToken: string): Promise<object | undefined>;
}

/**
 * What the admin API uses. The service keys match `DomainServices`, so the composition root
 * can pass `{ ...services, snapshots: store, dnsDomain, clock, log }`. Every write goes through
 * these services (serial bump and change notification happen there), never the store.
 */
export interface RestDeps {
  readonly accounts: Pick<AccountService, 'get' | 'updateSettings'>;
  readonly users: UserService;
  readonly tokens: TokenService;
  readonly peers: PeerService;
  readonly groups: GroupService;
  readonly policies: PolicyService;
  readonly setupKeys: SetupKeyService;
  readonly routes: RouteService;
  readonly nameServerGroups: NameServerGroupService;
  readonly dnsSettings: DnsSettingsService;
  readonly postureChecks: PostureCheckService;
  /** The audit log's read side (`GET /api/events/audit`). */
  readonly activity: ActivityService;
  readonly networks: NetworkService;
  readonly networkResources: NetworkResourceService;
  readonly networkRouters: NetworkRouterService;
  readonly dnsZones: DnsZoneService;
  readonly accountDeletion: AccountDeletion;
  /**
   * The geolocation database; without it the locations API and geo posture checks answer
   * upstream's 412 and no peer has a location.
   */
  readonly geo?: GeoListing;
  readonly snapshots: SnapshotSource;
  /** The server's DNS domain (`--dns-domain`); an account's own setting overrides it. */
  readonly dnsDomain: string;
  readonly clock: Clock;
  readonly log: RestLog;
  /** Told of every answered request (metrics): its route template, method, status and time taken. */
  readonly onResponse?: (r: { readonly route: string | undefined; readonly method: string; readonly code: number; readonly ms: number }) => void;
  /** SSO: without it (or without `resolveUser`) every `Bearer <JWT>` is 401 `token invalid`. */
  readonly jwt?: JwtCheck;
  readonly resolveUser?: ResolveUser;
  /** Without it a well-formed unknown PAT is 401 `token invalid` rather than upstream's 404. */
  readonly tokenHashes?: TokenHashLookup;
  /** The embedded IdP's first-owner setup (IDENTITY.md §4); without it setup is never required. */
  readonly instance?: InstanceSetupPort;
  /** People with an embedded-IdP login: added with a password, invited, changing it (IDENTITY.md §5). */
  readonly embeddedUsers?: EmbeddedUserLifecycle;
  /** Node handler of the embedded OpenID provider, mounted at `path` (its issuer's path). */
  readonly oidcProvider?: { readonly path: string; handle(req: IncomingMessage, res: ServerResponse): void };
}

/** The geolocation database's country and city lists (src/geo). */
export interface GeoListing {
  countries(): readonly { readonly countryCode: string; readonly countryName: string }[];
  cities(countryCode: string): readonly { readonly geoNameId: number; readonly cityName: string }[];
}

/** `setup_required` and `POST /api/setup` (src/idp's InstanceSetup). */
export interface InstanceSetupPort {
  setupRequired(): boolean;
  setup(body: Record<string, unknown>): Promise<{ user_id: string; email: string }>;
}
