/**
 * The network map as a protocol-free value (PROTOCOL.md §7.3–§7.8, camelCase, plain data), so
 * the wire converter in grpc/to-wire is a mechanical field-by-field copy. Values are shared
 * between maps computed from the same snapshot (remote peers, firewall rules, records): treat
 * every part as immutable. A computed map's `remotePeers` and `firewallRules` may be shared
 * lists with a few entries left out, materialised on first read (list-cut.ts).
 */
import type { PortRange, RouteNetworkType } from '../domain/model.js';

export type RuleDirection = 'in' | 'out';
export type FirewallAction = 'accept' | 'drop';
/** Wire protocols only: `netbird-ssh` rules are emitted as `tcp`. */
export type FirewallProtocol = 'all' | 'tcp' | 'udp' | 'icmp';

export interface AutoUpdateSettings {
  /** `disabled`, `latest`, a semver, or empty (download-only). */
  readonly version: string;
  readonly alwaysUpdate: boolean;
}

/** PeerConfig (§7.3): the receiving peer itself. */
export interface PeerConfig {
  /** `<ip>/<prefix bits>`, byte-identical to the Login response (see `peerAddress`). */
  readonly address: string;
  /** `<dnsLabel>.<dnsDomain>`; empty when there is no DNS domain. */
  readonly fqdn: string;
  readonly sshEnabled: boolean;
  readonly routingPeerDnsResolutionEnabled: boolean;
  readonly lazyConnectionEnabled: boolean;
  readonly autoUpdate: AutoUpdateSettings;
  /**
   * Where `netbird ssh` gets and checks JWTs (IDENTITY.md §2.7): a server setting, not account
   * state, so the gRPC edge sets it on PeerConfigs with SSH enabled; absent without SSO.
   */
  readonly sshJwt?: SshJwtConfig;
}

/** JWTConfig of a peer's SSHConfig (IDENTITY.md §2.7). */
export interface SshJwtConfig {
  readonly issuer: string;
  readonly audience: string;
  readonly audiences: readonly string[];
  readonly keysLocation: string;
}

/** RemotePeerConfig (§7.4). */
export interface RemotePeer {
  readonly wgPubKey: string;
  /** Always exactly `["<ip>/32"]`; never empty. */
  readonly allowedIps: readonly string[];
  /** authorized_keys text of the remote peer's SSH key (SSHConfig.sshPubKey). */
  readonly sshPubKey: string;
  readonly fqdn: string;
  readonly agentVersion: string;
}

/** FirewallRule (§7.7). */
export interface FirewallRule {
  /** Remote overlay IP, plain (not CIDR). */
  readonly peerIp: string;
  readonly direction: RuleDirection;
  readonly action: FirewallAction;
  readonly protocol: FirewallProtocol;
  /** Single port as decimal text, or empty. */
  readonly port: string;
  /** Set only for range rules sent to clients ≥ 0.48.0. */
  readonly portRange: PortRange | null;
  /** The policy *rule* ID (upstream naming). */
  readonly policyId: string;
}

/** Route (§7.5). */
export interface NetworkMapRoute {
  readonly id: string;
  readonly network: string;
  readonly networkType: RouteNetworkType;
  /** WireGuard key of the routing peer. */
  readonly peer: string;
  readonly metric: number;
  readonly masquerade: boolean;
  readonly netId: string;
  readonly domains: readonly string[];
  readonly keepRoute: boolean;
  readonly skipAutoApply: boolean;
}

/** RouteFirewallRule (§7.7); the receiver is the routing peer. Direction is always inbound. */
export interface RouteFirewallRule {
  readonly sourceRanges: readonly string[];
  readonly action: FirewallAction;
  readonly destination: string;
  readonly protocol: FirewallProtocol;
  /** PortInfo.port; `null` when the rule has none. */
  readonly port: number | null;
  /** PortInfo.range; `null` when the rule has none. */
  readonly portRange: PortRange | null;
  readonly isDynamic: boolean;
  readonly domains: readonly string[];
  /** The rule's policy ID; empty for default-permit rules. */
  readonly policyId: string;
  readonly routeId: string;
}

export interface NameServerConfig {
  readonly ip: string;
  readonly nsType: number;
  readonly port: number;
}

/** NameServerGroup (§7.6). */
export interface NameServerGroupConfig {
  readonly nameServers: readonly NameServerConfig[];
  readonly primary: boolean;
  readonly domains: readonly string[];
  readonly searchDomainsEnabled: boolean;
}

/** SimpleRecord (§7.6). */
export interface SimpleRecord {
  readonly name: string;
  /** DNS RR type number (A = 1). */
  readonly type: number;
  readonly class: string;
  readonly ttl: number;
  readonly rdata: string;
}

/** CustomZone (§7.6). */
export interface CustomZone {
  /** FQDN with trailing dot. */
  readonly domain: string;
  readonly records: readonly SimpleRecord[];
  readonly searchDomainDisabled: boolean;
  readonly nonAuthoritative: boolean;
}

/** DNSConfig (§7.6). */
export interface DnsConfig {
  readonly serviceEnable: boolean;
  readonly nameServerGroups: readonly NameServerGroupConfig[];
  readonly customZones: readonly CustomZone[];
  readonly forwarderPort: number;
}

/** Checks (§7.8). */
export interface ChecksConfig {
  readonly files: readonly string[];
}

/** Local OS user (`*` = any) → IDs of the users allowed to log in as it (unhashed). */
export type SshAuthorizedUsers = Readonly<Record<string, readonly string[]>>;

/**
 * NetworkMap (§7.4) plus the peer's Checks (§7.8). For a peer that is not in the snapshot,
 * `peerConfig` is `null` and every list is empty (the "Network only" map upstream sends);
 * a peer awaiting approval gets the same with its `peerConfig`.
 */
export interface NetworkMap {
  /** `account.network.serial` of the snapshot. */
  readonly serial: number;
  readonly peerConfig: PeerConfig | null;
  readonly remotePeers: readonly RemotePeer[];
  readonly remotePeersIsEmpty: boolean;
  /** Login-expired peers (status display only). */
  readonly offlinePeers: readonly RemotePeer[];
  readonly firewallRules: readonly FirewallRule[];
  readonly firewallRulesIsEmpty: boolean;
  readonly routes: readonly NetworkMapRoute[];
  readonly routesFirewallRules: readonly RouteFirewallRule[];
  readonly routesFirewallRulesIsEmpty: boolean;
  readonly dnsConfig: DnsConfig;
  readonly checks: readonly ChecksConfig[];
  /** Input for SSHAuth (field 13); hashing (BLAKE2b-128) is the wire converter's job. */
  readonly sshAuthorizedUsers: SshAuthorizedUsers;
}
