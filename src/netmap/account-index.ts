/**
 * Work shared by every peer's map, done once per snapshot object: peers sorted by key and
 * indexed, group membership both ways, enabled rules expanded to peer sets, posture results per
 * (check, peer), and lazily the served routes, DNS views and active users. Cached in a WeakMap
 * keyed by the (immutable) snapshot, so maps for all peers of one snapshot reuse it.
 */
import type { AccountSnapshot, Group, Peer, PostureCheck } from '../domain/model.js';
import { ALL_GROUP_NAME } from '../domain/model.js';
import { computeForwarderPort } from './forwarder-port.js';
import { passesPostureCheck } from './passes-posture-check.js';
import { type PeerSet, peerSetOf } from './peer-set.js';
import { type IndexedRule, indexRules } from './indexed-rule.js';
import { type ServedRoutes, buildServedRoutes } from './served-routes.js';
import { type DnsView, buildDnsView } from './dns-view.js';
import { type ActiveUsers, buildActiveUsers } from './active-users.js';
import type { ClassConnections } from './policy-connections.js';

const PASS = 1;
const FAIL = 2;
const EMPTY = new Int32Array(0);
/**
 * Receiver classes kept per snapshot: an account has one (allow-all) or one per group pattern;
 * the bound only matters when nearly every peer takes part in rules its own way, where keeping
 * every class would hold every map's lists at once.
 */
const MAX_CLASSES = 256;

export class AccountIndex {
  /** Peers sorted by WireGuard key; a peer's position is its index everywhere below. */
  readonly peers: readonly Peer[];
  readonly indexOf: ReadonlyMap<string, number>;
  readonly groupById: ReadonlyMap<string, Group>;
  /** Group IDs per peer index. */
  readonly groupsOf: readonly ReadonlySet<string>[];
  /** 1 when the peer is validated (not awaiting approval). */
  readonly validated: Uint8Array;
  readonly forwarderPort: number;
  readonly rules: readonly IndexedRule[];
  /** Some peer can be login-expired (an SSO peer with expiry on, in an account with expiry on). */
  readonly loginsMayExpire: boolean;
  private readonly classes = new Map<string, ClassConnections>();
  private readonly postureById: ReadonlyMap<string, PostureCheck>;
  private readonly postureResults = new Map<string, Uint8Array>();
  private readonly members = new Map<string, Int32Array>();
  private readonly sets = new Map<string, PeerSet>();
  private readonly dnsViews = new Map<string, DnsView>();
  private served: ServedRoutes | undefined;
  private users: ActiveUsers | undefined;

  constructor(readonly snapshot: AccountSnapshot) {
    this.peers = [...snapshot.peers].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    this.indexOf = new Map(this.peers.map((p, i) => [p.id, i]));
    this.groupById = new Map(snapshot.groups.map((g) => [g.id, g]));
    const groupsOf = this.peers.map(() => new Set<string>());
    for (const g of snapshot.groups) {
      for (const id of g.peers) {
        const i = this.indexOf.get(id);
        if (i !== undefined) groupsOf[i]!.add(g.id);
      }
    }
    this.groupsOf = groupsOf;
    this.validated = Uint8Array.from(this.peers, (p) => (p.requiresApproval ? 0 : 1));
    this.postureById = new Map(snapshot.postureChecks.map((c) => [c.id, c]));
    this.forwarderPort = computeForwarderPort(this.peers.map((p) => p.meta.netbirdVersion));
    this.rules = indexRules(this);
    this.loginsMayExpire = snapshot.account.settings.peerLoginExpirationEnabled && this.peers.some((p) => p.userId !== '' && p.loginExpirationEnabled);
  }

  get size(): number {
    return this.peers.length;
  }

  /** Existing peers of a group, sorted by index; empty for an unknown group. */
  groupMembers(groupId: string): Int32Array {
    let m = this.members.get(groupId);
    if (m === undefined) {
      const g = this.groupById.get(groupId);
      m = g ? peerSetOf(this.size, this.existing(g.peers)).list : EMPTY;
      this.members.set(groupId, m);
    }
    return m;
  }

  /**
   * Peers of a rule side given as groups (upstream `getUniquePeerIDsFromGroupsIDs`): unknown
   * groups are skipped; the `All` group, or a single listed group, is used as is. Keeps only
   * validated peers passing every posture check in `postureIds`. Interned per arguments.
   */
  groupSide(groupIds: readonly string[], postureIds: readonly string[]): PeerSet {
    const key = `g\u0000${groupIds.join('\u0001')}\u0000${postureIds.join('\u0001')}`;
    return this.intern(key, () => {
      const out: number[] = [];
      for (const id of groupIds) {
        const g = this.groupById.get(id);
        if (!g) continue;
        if (g.name === ALL_GROUP_NAME || groupIds.length === 1) out.length = 0;
        for (const i of this.groupMembers(id)) out.push(i);
        if (g.name === ALL_GROUP_NAME || groupIds.length === 1) break;
      }
      return peerSetOf(this.size, out.filter((i) => this.validated[i] === 1 && this.postureValid(postureIds, i)));
    });
  }

  /** A rule side given as one peer resource: that peer if it exists, unfiltered. */
  peerSide(peerId: string): PeerSet {
    return this.intern(`p\u0000${peerId}`, () => peerSetOf(this.size, this.existing([peerId])));
  }

  /** Passes every existing posture check in `checkIds` (missing checks are skipped). */
  postureValid(checkIds: readonly string[], peerIndex: number): boolean {
    for (const id of checkIds) {
      const check = this.postureById.get(id);
      if (!check) continue;
      let results = this.postureResults.get(id);
      if (!results) this.postureResults.set(id, (results = new Uint8Array(this.size)));
      if (results[peerIndex] === 0) {
        const peer = this.peers[peerIndex]!;
        results[peerIndex] = passesPostureCheck(check.checks, peer, this.snapshot.peerLocations?.get(peer.id) ?? null) ? PASS : FAIL;
      }
      if (results[peerIndex] === FAIL) return false;
    }
    return true;
  }

  postureCheck(id: string): PostureCheck | undefined {
    return this.postureById.get(id);
  }

  /** The connections of a receiver class (policy-connections.ts), built once per key. */
  classConnections(key: string, build: () => ClassConnections): ClassConnections {
    let c = this.classes.get(key);
    if (c === undefined) {
      c = build();
      if (this.classes.size >= MAX_CLASSES) this.classes.delete(this.classes.keys().next().value!);
      this.classes.set(key, c);
    }
    return c;
  }

  servedRoutes(): ServedRoutes {
    return (this.served ??= buildServedRoutes(this));
  }

  activeUsers(): ActiveUsers {
    return (this.users ??= buildActiveUsers(this.snapshot));
  }

  /** Remote-peer entries and DNS records for one DNS domain. */
  dnsView(dnsDomain: string): DnsView {
    let view = this.dnsViews.get(dnsDomain);
    if (!view) this.dnsViews.set(dnsDomain, (view = buildDnsView(this.peers, dnsDomain)));
    return view;
  }

  private existing(peerIds: Iterable<string>): number[] {
    const out: number[] = [];
    for (const id of peerIds) {
      const i = this.indexOf.get(id);
      if (i !== undefined) out.push(i);
    }
    return out;
  }

  private intern(key: string, build: () => PeerSet): PeerSet {
    let s = this.sets.get(key);
    if (!s) this.sets.set(key, (s = build()));
    return s;
  }
}

const cache = new WeakMap<AccountSnapshot, AccountIndex>();

/** The index of a snapshot, built on first use and reused while the snapshot object lives. */
export function accountIndexFor(snapshot: AccountSnapshot): AccountIndex {
  let index = cache.get(snapshot);
  if (!index) cache.set(snapshot, (index = new AccountIndex(snapshot)));
  return index;
}
