/**
 * The storage port the domain needs (STYLE.md habit 4): one small repository per aggregate,
 * all scoped by account, all speaking domain types. `src/store/` implements it for SQLite and
 * PostgreSQL; the domain never imports a driver. Methods that take `lock` hold a row lock
 * until the transaction ends where the engine has row locks (PostgreSQL `FOR UPDATE`); on
 * SQLite the whole write transaction is already exclusive.
 */
import type {
  Account,
  AccountSettings,
  DnsRecord,
  DnsZone,
  Group,
  NameServerGroup,
  NetworkResource,
  NetworkRouter,
  PersonalAccessToken,
  Peer,
  Policy,
  PostureCheck,
  ResourceNetwork,
  Route,
  SetupKey,
  User,
} from '../model.js';
import type { ActivityEventRepository } from '../activity/activity-log.js';
import type { InviteStore } from '../users/user-invite.js';

export interface AccountRepository {
  get(id: string): Promise<Account | undefined>;
  /** The oldest account, if any (single-account bootstrap). */
  first(): Promise<Account | undefined>;
  /** Every account's ID, oldest first (start-up scans of the background jobs). */
  listIds(): Promise<string[]>;
  insert(account: Account): Promise<void>;
  updateSettings(id: string, settings: AccountSettings): Promise<void>;
  updateDnsSettings(id: string, dns: Account['dnsSettings']): Promise<void>;
  updateNetworkNet(id: string, net: string): Promise<void>;
  /** `network_serial = network_serial + 1`; returns the new serial. */
  incrementSerial(id: string): Promise<number>;
  /** Removes the account row only (`roost import --replace` first empties its aggregates). */
  delete(id: string): Promise<void>;
  /** Deletes the account and every row that belongs to it (any table with an `account_id`). */
  deleteWithEverything(id: string): Promise<void>;
}

/** What a connection-status write sets. */
export interface PeerConnectionValues {
  readonly connected: boolean;
  readonly lastSeen: number;
  readonly connectionIp: string;
}

/** The stored connection status of a peer, as a status write reads it. */
export interface PeerConnectionState {
  readonly id: string;
  readonly connected: boolean;
  readonly lastSeen: number;
  readonly connectionIp: string;
}

export interface PeerRepository {
  get(accountId: string, id: string, lock?: boolean): Promise<Peer | undefined>;
  findByKey(key: string, lock?: boolean): Promise<Peer | undefined>;
  /** Just the connection status by WireGuard key: what a status write needs, without the meta. */
  connectionByKey(key: string): Promise<PeerConnectionState | undefined>;
  list(accountId: string): Promise<Peer[]>;
  insert(peer: Peer): Promise<void>;
  /** Overwrites every stored field of the peer (matched by account and ID). */
  update(peer: Peer): Promise<void>;
  /**
   * Compare-and-set of the connection status: writes only while the stored lastSeen still
   * equals `expectedLastSeen`. Returns whether the row was written.
   */
  setConnection(id: string, expectedLastSeen: number, values: PeerConnectionValues): Promise<boolean>;
  delete(accountId: string, id: string): Promise<void>;
  dnsLabelTaken(accountId: string, label: string): Promise<boolean>;
}

export interface GroupRepository {
  get(accountId: string, id: string): Promise<Group | undefined>;
  findByName(accountId: string, name: string): Promise<Group | undefined>;
  list(accountId: string): Promise<Group[]>;
  insert(group: Group): Promise<void>;
  /** Overwrites name, issuer and the member list. */
  update(group: Group): Promise<void>;
  delete(accountId: string, id: string): Promise<void>;
  addPeer(accountId: string, groupId: string, peerId: string): Promise<void>;
  removePeerFromAll(accountId: string, peerId: string): Promise<void>;
  groupIdsOfPeer(accountId: string, peerId: string): Promise<string[]>;
}

/** The shape shared by the plain per-account aggregates. */
export interface AccountScopedRepository<T> {
  get(accountId: string, id: string): Promise<T | undefined>;
  list(accountId: string): Promise<T[]>;
  insert(item: T): Promise<void>;
  update(item: T): Promise<void>;
  delete(accountId: string, id: string): Promise<void>;
}

export type PolicyRepository = AccountScopedRepository<Policy>;
export type RouteRepository = AccountScopedRepository<Route>;
export type NameServerGroupRepository = AccountScopedRepository<NameServerGroup>;
export type PostureCheckRepository = AccountScopedRepository<PostureCheck>;
export type ResourceNetworkRepository = AccountScopedRepository<ResourceNetwork>;
export type NetworkResourceRepository = AccountScopedRepository<NetworkResource>;
export type NetworkRouterRepository = AccountScopedRepository<NetworkRouter>;

export interface SetupKeyRepository extends AccountScopedRepository<SetupKey> {
  findByHash(keyHash: string): Promise<SetupKey | undefined>;
  /** Reads the key by ID holding its row lock (registration re-checks validity under it). */
  getForUpdate(id: string): Promise<SetupKey | undefined>;
  /** `used_times = used_times + 1, last_used = at`. */
  recordUsage(id: string, at: number): Promise<void>;
}

export interface UserRepository {
  /** Users are looked up by ID alone when a token names them. */
  get(id: string): Promise<User | undefined>;
  list(accountId: string): Promise<User[]>;
  insert(user: User): Promise<void>;
  update(user: User): Promise<void>;
  delete(accountId: string, id: string): Promise<void>;
}

export interface TokenRepository {
  findByHash(hashedToken: string): Promise<PersonalAccessToken | undefined>;
  get(userId: string, id: string): Promise<PersonalAccessToken | undefined>;
  listByUser(userId: string): Promise<PersonalAccessToken[]>;
  insert(token: PersonalAccessToken): Promise<void>;
  delete(userId: string, id: string): Promise<void>;
  touch(id: string, lastUsed: number): Promise<void>;
}

/** Custom DNS zones and their records (one port: a record never lives outside its zone). */
export interface DnsZoneRepository {
  /** The zone with its records. */
  get(accountId: string, id: string): Promise<DnsZone | undefined>;
  /** Every zone of the account with its records, by ID. */
  list(accountId: string): Promise<DnsZone[]>;
  findByDomain(accountId: string, domain: string): Promise<DnsZone | undefined>;
  /** Stores the zone's own fields (its `records` are ignored). */
  insert(zone: DnsZone): Promise<void>;
  update(zone: DnsZone): Promise<void>;
  /** Deletes the zone and every record in it. */
  delete(accountId: string, id: string): Promise<void>;
  getRecord(accountId: string, zoneId: string, id: string): Promise<DnsRecord | undefined>;
  insertRecord(record: DnsRecord): Promise<void>;
  updateRecord(record: DnsRecord): Promise<void>;
  deleteRecord(accountId: string, zoneId: string, id: string): Promise<void>;
}

/** Every repository, bound to one transaction (or to autocommit for plain reads). */
export interface Repositories {
  readonly accounts: AccountRepository;
  readonly peers: PeerRepository;
  readonly groups: GroupRepository;
  readonly policies: PolicyRepository;
  readonly setupKeys: SetupKeyRepository;
  readonly routes: RouteRepository;
  readonly nameServerGroups: NameServerGroupRepository;
  readonly postureChecks: PostureCheckRepository;
  readonly users: UserRepository;
  readonly tokens: TokenRepository;
  /** The audit log; record through `tx.activity` so events commit with their change. */
  readonly activity: ActivityEventRepository;
  readonly networks: ResourceNetworkRepository;
  readonly networkResources: NetworkResourceRepository;
  readonly networkRouters: NetworkRouterRepository;
  readonly dnsZones: DnsZoneRepository;
  /** The embedded IdP's invite links: an acceptance retires its invite in the user's transaction. */
  readonly invites: InviteStore;
}
