/**
 * The domain model (SEMANTICS.md §1): plain, protocol-free data. Every layer speaks these
 * types; the wire (grpc/to-wire) and REST (rest/to-api) shapes are converted at the edges.
 * Times are epoch milliseconds; `null` means "never" / "not set".
 */

export type Millis = number;

export interface NetworkAddress {
  /** CIDR of an interface address, e.g. `192.168.1.20/24`. */
  readonly netIP: string;
  readonly mac: string;
}

export interface PeerFile {
  readonly path: string;
  readonly exist: boolean;
  readonly processIsRunning: boolean;
}

export interface PeerFlags {
  readonly rosenpassEnabled: boolean;
  readonly rosenpassPermissive: boolean;
  readonly serverSSHAllowed: boolean;
  readonly disableClientRoutes: boolean;
  readonly disableServerRoutes: boolean;
  readonly disableDNS: boolean;
  readonly disableFirewall: boolean;
  readonly blockLANAccess: boolean;
  readonly blockInbound: boolean;
  readonly lazyConnectionEnabled: boolean;
}

/** System information a client reports (PROTOCOL.md §7.1), as stored server-side. */
export interface PeerMeta {
  readonly hostname: string;
  readonly goOS: string;
  readonly kernel: string;
  readonly core: string;
  readonly platform: string;
  readonly os: string;
  /** The request's OSVersion, or `core` when that is empty (applied when decoding). */
  readonly osVersion: string;
  readonly netbirdVersion: string;
  readonly uiVersion: string;
  readonly kernelVersion: string;
  readonly networkAddresses: readonly NetworkAddress[];
  readonly sysSerialNumber: string;
  readonly sysProductName: string;
  readonly sysManufacturer: string;
  readonly environment: { readonly cloud: string; readonly platform: string };
  readonly files: readonly PeerFile[];
  readonly flags: PeerFlags;
}

export interface Peer {
  readonly id: string;
  readonly accountId: string;
  /** WireGuard public key, standard base64; globally unique. */
  readonly key: string;
  /** IPv4 address inside the account network, dotted quad. */
  readonly ip: string;
  readonly name: string;
  readonly dnsLabel: string;
  readonly extraDnsLabels: readonly string[];
  readonly allowExtraDnsLabels: boolean;
  readonly meta: PeerMeta;
  readonly connected: boolean;
  readonly lastSeen: Millis;
  readonly loginExpired: boolean;
  readonly requiresApproval: boolean;
  /** Set iff the peer was added via SSO; empty for setup-key peers. */
  readonly userId: string;
  /** OpenSSH authorized_keys text of the peer's SSH key; empty when none. */
  readonly sshKey: string;
  readonly sshEnabled: boolean;
  readonly loginExpirationEnabled: boolean;
  readonly inactivityExpirationEnabled: boolean;
  readonly lastLogin: Millis;
  readonly createdAt: Millis;
  readonly ephemeral: boolean;
  /** Public IP of the last connection, text; empty when unknown. */
  readonly connectionIp: string;
  /**
   * Counts the peer's Logins. A fast-path entry written in an earlier generation never answers
   * a Sync, even if the Login could not delete it from the cache.
   */
  readonly loginGeneration: number;
}

export interface AccountSettings {
  readonly peerLoginExpirationEnabled: boolean;
  /** Seconds. */
  readonly peerLoginExpiration: number;
  readonly peerInactivityExpirationEnabled: boolean;
  /** Seconds. */
  readonly peerInactivityExpiration: number;
  readonly regularUsersViewBlocked: boolean;
  readonly groupsPropagationEnabled: boolean;
  readonly jwtGroupsEnabled: boolean;
  readonly jwtGroupsClaimName: string;
  readonly jwtAllowGroups: readonly string[];
  readonly routingPeerDnsResolutionEnabled: boolean;
  /** Overrides the server's DNS domain when non-empty. */
  readonly dnsDomain: string;
  /** Overrides the account network range when non-empty (CIDR). */
  readonly networkRange: string;
  readonly lazyConnectionEnabled: boolean;
  readonly autoUpdateVersion: string;
  readonly autoUpdateAlways: boolean;
  readonly peerApprovalEnabled: boolean;
  readonly userApprovalRequired: boolean;
}

export interface Network {
  readonly identifier: string;
  /** IPv4 prefix, e.g. `100.77.0.0/16`. */
  readonly net: string;
  /** Account-wide state version; starts at 0, only ever incremented by 1. */
  readonly serial: number;
}

export interface Account {
  readonly id: string;
  readonly createdBy: string;
  readonly createdAt: Millis;
  readonly domain: string;
  readonly network: Network;
  readonly settings: AccountSettings;
  readonly dnsSettings: { readonly disabledManagementGroups: readonly string[] };
}

export type UserRole = 'owner' | 'admin' | 'user' | 'billing_admin' | 'auditor' | 'network_admin';

export interface User {
  readonly id: string;
  readonly accountId: string;
  readonly role: UserRole;
  readonly isServiceUser: boolean;
  readonly name: string;
  readonly email: string;
  readonly autoGroups: readonly string[];
  readonly blocked: boolean;
  readonly pendingApproval: boolean;
  readonly issued: string;
  readonly lastLogin: Millis | null;
  readonly createdAt: Millis;
}

export interface PersonalAccessToken {
  readonly id: string;
  readonly userId: string;
  readonly name: string;
  /** base64(std) of SHA-256 of the plain token; the plain token is never stored. */
  readonly hashedToken: string;
  readonly expiresAt: Millis;
  readonly createdBy: string;
  readonly createdAt: Millis;
  readonly lastUsed: Millis | null;
}

export interface Group {
  readonly id: string;
  readonly accountId: string;
  readonly name: string;
  readonly issued: 'api' | 'jwt' | 'integration';
  /** Peer IDs. */
  readonly peers: readonly string[];
}

export type SetupKeyType = 'reusable' | 'one-off';

export interface SetupKey {
  readonly id: string;
  readonly accountId: string;
  /** base64(std) of SHA-256 of the upper-cased plain key. */
  readonly keyHash: string;
  /** Display form: first 5 characters of the plain key + `****`. */
  readonly keySecret: string;
  readonly name: string;
  readonly type: SetupKeyType;
  readonly createdAt: Millis;
  readonly updatedAt: Millis;
  readonly expiresAt: Millis | null;
  readonly revoked: boolean;
  readonly usedTimes: number;
  readonly lastUsed: Millis | null;
  /** 0 = unlimited; one-off keys behave as 1 whatever is stored. */
  readonly usageLimit: number;
  readonly autoGroups: readonly string[];
  readonly ephemeral: boolean;
  readonly allowExtraDnsLabels: boolean;
}

export type RuleProtocol = 'all' | 'tcp' | 'udp' | 'icmp' | 'netbird-ssh';
export type RuleAction = 'accept' | 'drop';

export interface PortRange {
  readonly start: number;
  readonly end: number;
}

export interface RuleResource {
  readonly id: string;
  /** `peer` targets exactly one peer; other types refer to network resources. */
  readonly type: 'peer' | 'host' | 'subnet' | 'domain';
}

export interface PolicyRule {
  readonly id: string;
  readonly policyId: string;
  readonly name: string;
  readonly description: string;
  readonly enabled: boolean;
  readonly action: RuleAction;
  /** Group IDs. */
  readonly sources: readonly string[];
  readonly destinations: readonly string[];
  readonly sourceResource: RuleResource | null;
  readonly destinationResource: RuleResource | null;
  readonly bidirectional: boolean;
  readonly protocol: RuleProtocol;
  readonly ports: readonly string[];
  readonly portRanges: readonly PortRange[];
  /** group ID → local OS users (SSH authorisation). */
  readonly authorizedGroups: Readonly<Record<string, readonly string[]>>;
  readonly authorizedUser: string;
}

export interface Policy {
  readonly id: string;
  readonly accountId: string;
  readonly name: string;
  readonly description: string;
  readonly enabled: boolean;
  /** Posture check IDs applied to the source peers. */
  readonly sourcePostureChecks: readonly string[];
  readonly rules: readonly PolicyRule[];
}

export interface PostureCheckDefinition {
  readonly nbVersionCheck?: { readonly minVersion: string };
  readonly osVersionCheck?: {
    readonly android?: { readonly minVersion: string };
    readonly darwin?: { readonly minVersion: string };
    readonly ios?: { readonly minVersion: string };
    readonly linux?: { readonly minKernelVersion: string };
    readonly windows?: { readonly minKernelVersion: string };
  };
  readonly geoLocationCheck?: {
    readonly locations: readonly { readonly countryCode: string; readonly cityName: string }[];
    readonly action: 'allow' | 'deny';
  };
  readonly peerNetworkRangeCheck?: {
    readonly ranges: readonly string[];
    readonly action: 'allow' | 'deny';
  };
  readonly processCheck?: {
    readonly processes: readonly {
      readonly linuxPath: string;
      readonly macPath: string;
      readonly windowsPath: string;
    }[];
  };
}

export interface PostureCheck {
  readonly id: string;
  readonly accountId: string;
  readonly name: string;
  readonly description: string;
  readonly checks: PostureCheckDefinition;
}

/** 1 IPv4, 2 IPv6, 3 Domain (0 invalid). */
export type RouteNetworkType = 0 | 1 | 2 | 3;

export interface Route {
  readonly id: string;
  readonly accountId: string;
  /** Display network identifier (≤ 40 chars); routes sharing it and the network form an HA group. */
  readonly netId: string;
  readonly description: string;
  /** CIDR; placeholder `192.0.2.0/32` for domain routes. */
  readonly network: string;
  readonly networkType: RouteNetworkType;
  readonly domains: readonly string[];
  readonly keepRoute: boolean;
  /** Routing peer ID, or empty when `peerGroups` is used. */
  readonly peer: string;
  readonly peerGroups: readonly string[];
  readonly metric: number;
  readonly masquerade: boolean;
  readonly enabled: boolean;
  /** Distribution groups: who receives the route. */
  readonly groups: readonly string[];
  readonly accessControlGroups: readonly string[];
  readonly skipAutoApply: boolean;
}

export interface NameServer {
  readonly ip: string;
  /** 1 = UDP. */
  readonly nsType: number;
  readonly port: number;
}

export interface NameServerGroup {
  readonly id: string;
  readonly accountId: string;
  readonly name: string;
  readonly description: string;
  readonly nameServers: readonly NameServer[];
  /** Distribution groups. */
  readonly groups: readonly string[];
  readonly primary: boolean;
  readonly domains: readonly string[];
  readonly searchDomainsEnabled: boolean;
  readonly enabled: boolean;
}

/** A network of the Networks feature (SEMANTICS.md §1.10): a named set of resources and routers. */
export interface ResourceNetwork {
  readonly id: string;
  readonly accountId: string;
  readonly name: string;
  readonly description: string;
}

export type NetworkResourceType = 'host' | 'subnet' | 'domain';

/**
 * Something behind a network's routers: a host (/32 or /128), a subnet, or a domain (a
 * `*.` wildcard allowed). Its group memberships are kept here, not on the group.
 */
export interface NetworkResource {
  readonly id: string;
  readonly accountId: string;
  readonly networkId: string;
  readonly name: string;
  readonly description: string;
  readonly type: NetworkResourceType;
  /** Canonical CIDR for host and subnet resources; empty for domains. */
  readonly prefix: string;
  /** The domain of a domain resource; empty otherwise. */
  readonly domain: string;
  readonly enabled: boolean;
  /** IDs of the groups the resource belongs to. */
  readonly groups: readonly string[];
}

/** A peer (or every peer of some groups) routing into a network. */
export interface NetworkRouter {
  readonly id: string;
  readonly accountId: string;
  readonly networkId: string;
  /** Routing peer ID, or empty when `peerGroups` is used. */
  readonly peer: string;
  readonly peerGroups: readonly string[];
  readonly masquerade: boolean;
  /** 1..9999; lower wins among a resource's routers (client-side HA). */
  readonly metric: number;
  readonly enabled: boolean;
}

/**
 * Everything the network map needs, loaded at one serial. Immutable: the map is a pure
 * function of it (STYLE.md habit 6).
 */
export interface AccountSnapshot {
  readonly account: Account;
  readonly peers: readonly Peer[];
  readonly users: readonly User[];
  readonly groups: readonly Group[];
  readonly policies: readonly Policy[];
  readonly postureChecks: readonly PostureCheck[];
  readonly routes: readonly Route[];
  readonly nameServerGroups: readonly NameServerGroup[];
  /** The Networks feature; absent means none (fixtures built before it). */
  readonly networks?: readonly ResourceNetwork[];
  readonly networkResources?: readonly NetworkResource[];
  readonly networkRouters?: readonly NetworkRouter[];
  /** Custom DNS zones with their records (absent in snapshots built before zones existed). */
  readonly dnsZones?: readonly DnsZone[];
  /**
   * Geolocation of peers' connection IPs by peer ID, filled where a geolocation database is
   * configured; posture geo checks read it (a peer without an entry has no location).
   */
  readonly peerLocations?: ReadonlyMap<string, PeerLocation>;
}

/** Country and city of a peer's connection IP (GeoLite2 City), as geo posture checks compare them. */
export interface PeerLocation {
  /** ISO 3166-1 alpha-2. */
  readonly countryCode: string;
  /** English city name; empty when the database knows only the country. */
  readonly cityName: string;
  readonly geoNameId: number;
}

export type DnsRecordType = 'A' | 'AAAA' | 'CNAME';

/** One record of a custom zone (SEMANTICS.md §1.12); `name` is a full domain inside the zone. */
export interface DnsRecord {
  readonly id: string;
  readonly accountId: string;
  readonly zoneId: string;
  readonly name: string;
  readonly type: DnsRecordType;
  readonly content: string;
  /** Seconds; ≥ 0. */
  readonly ttl: number;
}

/** A custom DNS zone served by the peers' local resolvers in its distribution groups. */
export interface DnsZone {
  readonly id: string;
  readonly accountId: string;
  readonly name: string;
  /** Unique per account; cannot change after creation. */
  readonly domain: string;
  readonly enabled: boolean;
  readonly enableSearchDomain: boolean;
  readonly distributionGroups: readonly string[];
  /** Sorted by ID. */
  readonly records: readonly DnsRecord[];
}

/** Name of the group every peer joins (identified by name, SEMANTICS.md §1.5). */
export const ALL_GROUP_NAME = 'All';
