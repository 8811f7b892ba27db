/** What kind of activity concerns an account. */
export type ActivityKind =
  /** A committed change (bus), a settings update, or the first sign of life of the account here. */
  | 'account'
  /** An SSO peer connected or disconnected. */
  | 'sso-peer'
  /** An ephemeral peer connected or disconnected. */
  | 'ephemeral-peer';

export type ActivityListener = (accountId: string, kind: ActivityKind) => void;

/** Where the jobs hear about activity (PeerActivity), owned here. */
export interface ActivitySource {
  subscribe(listener: ActivityListener): () => void;
}

/** What the activity feed needs to know of a peer, by WireGuard key. */
export interface ActivityPeer {
  readonly accountId: string;
  readonly userId: string;
  readonly ephemeral: boolean;
}

export interface PeerActivityDeps {
  /** The peer with this key, undefined when unknown (e.g. deleted meanwhile). */
  findPeer(key: string): Promise<ActivityPeer | undefined>;
  onError(err: unknown): void;
}

/**
 * Tells the background jobs which accounts to look at again, so they schedule from events
 * rather than by polling the store: committed changes, settings updates, and connection-status
 * writes of SSO and ephemeral peers (upstream reschedules on exactly these). The first status
 * write of an account not heard of before also counts, so an account is looked at once after a
 * restart even when only setup-key peers come back.
 */
export class PeerActivity implements ActivitySource {
  private readonly listeners = new Set<ActivityListener>();
  private readonly known = new Set<string>();

  constructor(private readonly deps: PeerActivityDeps) {}

  subscribe(listener: ActivityListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A committed change of the account (bus) or of its settings. */
  accountChanged(accountId: string): void {
    this.known.add(accountId);
    this.emit(accountId, 'account');
  }

  /** Connection-status changes just written, by peer key. Never rejects. */
  async connectionsChanged(keys: Iterable<string>): Promise<void> {
    for (const key of new Set(keys)) {
      // Nobody listening (jobs not started, or stopped): no lookups, and none after the store closes.
      if (this.listeners.size === 0) return;
      let peer: ActivityPeer | undefined;
      try {
        peer = await this.deps.findPeer(key);
      } catch (err) {
        this.deps.onError(err);
        continue;
      }
      if (peer === undefined) continue;
      if (!this.known.has(peer.accountId)) this.accountChanged(peer.accountId);
      if (peer.userId !== '') this.emit(peer.accountId, 'sso-peer');
      if (peer.ephemeral) this.emit(peer.accountId, 'ephemeral-peer');
    }
  }

  /** `sink` whose successful batches are reported here (the status writer's sink). */
  observing<T extends { readonly peerKey: string }>(sink: { markPeersConnected(items: readonly T[]): Promise<void> }): { markPeersConnected(items: readonly T[]): Promise<void> } {
    return {
      markPeersConnected: async (items) => {
        await sink.markPeersConnected(items);
        // Not awaited: resolving keys must not hold up the next status batch.
        void this.connectionsChanged(items.map((i) => i.peerKey));
      },
    };
  }

  /**
   * `accounts` whose settings updates are reported here: the inactivity settings move no
   * serial, so the bus does not carry them.
   */
  watchingSettings<S extends { updateSettings(accountId: string, patch: never): Promise<unknown> }>(accounts: S): S {
    return {
      ...accounts,
      // Every argument passes through (the caller's identity for the audit log among them).
      updateSettings: async (...args: Parameters<S['updateSettings']>) => {
        const result = await (accounts.updateSettings as (...a: unknown[]) => Promise<unknown>)(...args);
        this.accountChanged(args[0]);
        return result;
      },
    };
  }

  private emit(accountId: string, kind: ActivityKind): void {
    for (const l of this.listeners) {
      try {
        l(accountId, kind);
      } catch (err) {
        this.deps.onError(err);
      }
    }
  }
}
