import type { Peer } from '../domain/model.js';

/** What Sync reads of a peer before it picks a path. */
export type SyncPeer = Pick<Peer, 'id' | 'accountId' | 'key' | 'userId' | 'lastLogin' | 'loginExpirationEnabled' | 'loginExpired' | 'ephemeral' | 'loginGeneration'> & {
  /** The OS stored at the last Login or meta update (Android detection for meta-less clients). */
  readonly goOS: string;
};

/** Where identities come from on a miss (the store), owned here. */
export interface IdentitySource {
  findPeerByKey(key: string): Promise<Peer | undefined>;
  listPeers(accountId: string): Promise<readonly Peer[]>;
}

export function toSyncPeer(p: Peer): SyncPeer {
  return {
    id: p.id,
    accountId: p.accountId,
    key: p.key,
    userId: p.userId,
    lastLogin: p.lastLogin,
    loginExpirationEnabled: p.loginExpirationEnabled,
    // Only SSO peers can expire, and they are never cached: this is as fresh as the read.
    loginExpired: p.loginExpired,
    ephemeral: p.ephemeral,
    loginGeneration: p.loginGeneration,
    goOS: p.meta.goOS,
  };
}

/**
 * Peers by WireGuard key in memory, so a fast-path Sync admits its peer without SQL. What is
 * cached — ID, account, OS — changes only by Login, a meta update or deletion: the first two
 * hand the updated peer to `update`, deletion (from the change bus) calls `forget`. SSO peers
 * are never cached: their login expiry depends on fields the admin API changes.
 *
 * The first miss of an account loads all its peers in one query in the background, so a
 * reconnect storm after a restart costs one query per account rather than one per peer. Reads
 * never overwrite an entry (it may be newer than the read), and a read that overlaps any
 * `forget` is dropped (it may predate the deletion).
 */
export class PeerIdentities {
  private readonly byKey = new Map<string, SyncPeer>();
  private readonly warmed = new Set<string>();
  private generation = 0;

  constructor(
    private readonly source: IdentitySource,
    private readonly capacity = 200_000,
    private readonly onWarmError: (err: unknown) => void = () => {},
  ) {}

  /** The peer with this key; undefined when not registered. */
  async find(key: string): Promise<SyncPeer | undefined> {
    const hit = this.byKey.get(key);
    if (hit) return hit;
    const gen = this.generation;
    const stored = await this.source.findPeerByKey(key);
    if (!stored) return undefined;
    const peer = toSyncPeer(stored);
    if (gen === this.generation) this.rememberIfAbsent(peer);
    this.warm(peer.accountId);
    return peer;
  }

  /** The peer as a Login or meta update just stored it. */
  update(peer: Peer): void {
    this.byKey.delete(peer.key);
    this.rememberIfAbsent(toSyncPeer(peer));
  }

  /** Drops what is known of `key`; later reads go to the store. */
  forget(key: string): void {
    this.generation++;
    this.byKey.delete(key);
  }

  /** Drops every peer of the account (it changed in ways this process did not hear of). */
  forgetAccount(accountId: string): void {
    this.generation++;
    this.warmed.delete(accountId);
    for (const [key, p] of this.byKey) if (p.accountId === accountId) this.byKey.delete(key);
  }

  /**
   * Drops every peer: this process may have missed updates it cannot name — a Login's new login
   * generation moves no serial, so the serial comparison would not find it.
   */
  forgetAll(): void {
    this.generation++;
    this.warmed.clear();
    this.byKey.clear();
  }

  get size(): number {
    return this.byKey.size;
  }

  private warm(accountId: string): void {
    if (this.warmed.has(accountId)) return;
    this.warmed.add(accountId);
    const gen = this.generation;
    this.source.listPeers(accountId).then(
      (peers) => {
        if (gen !== this.generation) return;
        for (const p of peers) this.rememberIfAbsent(toSyncPeer(p));
      },
      (err: unknown) => {
        this.warmed.delete(accountId);
        this.onWarmError(err);
      },
    );
  }

  private rememberIfAbsent(peer: SyncPeer): void {
    if (peer.userId !== '' || this.byKey.has(peer.key)) return;
    if (this.byKey.size >= this.capacity) {
      const oldest = this.byKey.keys().next();
      if (!oldest.done) this.byKey.delete(oldest.value);
    }
    this.byKey.set(peer.key, peer);
  }
}

/** The peer calls that change what PeerIdentities holds, by what they return. */
interface IdentityChangingCalls {
  registerPeer(input: never): Promise<{ readonly peer: Peer }>;
  loginPeer(input: never): Promise<Peer>;
  syncPeerMeta(peerKey: string, meta: never): Promise<{ readonly peer: Peer }>;
}

/**
 * `peers` with Login, registration and meta updates handing the stored peer to `ids`, and to
 * `announce` (other processes drop their copy of it: a Login's new login generation must void
 * their fast path too).
 */
export function updatingIdentities<T extends IdentityChangingCalls>(peers: T, ids: Pick<PeerIdentities, 'update'>, announce: (peer: Peer) => void = () => {}): T {
  const updated = (p: Peer) => {
    ids.update(p);
    announce(p);
  };
  return {
    ...peers,
    registerPeer: async (input: Parameters<T['registerPeer']>[0]) => {
      const r = await peers.registerPeer(input);
      updated(r.peer);
      return r;
    },
    loginPeer: async (input: Parameters<T['loginPeer']>[0]) => {
      const p = await peers.loginPeer(input);
      updated(p);
      return p;
    },
    syncPeerMeta: async (peerKey: string, meta: Parameters<T['syncPeerMeta']>[1]) => {
      const r = await peers.syncPeerMeta(peerKey, meta);
      updated(r.peer);
      return r;
    },
  };
}
