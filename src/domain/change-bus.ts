/**
 * Change notifications (issue #3 §3): after a transaction that advanced an account's serial
 * commits, the domain publishes what changed; the Sync layer subscribes and pushes new maps.
 * A port so a Redis-backed bus (src/bus) can replace the in-process one for several processes;
 * a message carries what other processes' caches need to invalidate.
 */

export interface AccountChange {
  readonly accountId: string;
  /** The account serial after the change. */
  readonly serial: number;
  /** Peer IDs whose map may have changed, or `all` peers of the account. */
  readonly peers: 'all' | readonly string[];
  /** Peers deleted by the change: their streams get an empty map and are closed. */
  readonly deletedPeers?: readonly { readonly id: string; readonly key: string }[];
  /**
   * Peers whose identity changed without (necessarily) moving the serial — a Login bumping the
   * login generation, a meta update: other processes drop what they cached of these keys.
   */
  readonly updatedPeers?: readonly { readonly id: string; readonly key: string; readonly loginGeneration: number }[];
  /** Set by a bus engine on changes that came from another process (or a resync). */
  readonly remote?: boolean;
  /**
   * The account may have changed in ways this process did not hear of (its bus connection
   * dropped): caches of the account are dropped and every stream of it gets a new map.
   */
  readonly resync?: boolean;
}

export type ChangeListener = (change: AccountChange) => void;

export interface ChangeBus {
  publish(change: AccountChange): void;
  /** Returns the unsubscribe function. */
  subscribe(listener: ChangeListener): () => void;
}

/** Synchronous fan-out inside one process. A throwing listener never stops the others. */
export class InProcessChangeBus implements ChangeBus {
  private readonly listeners = new Set<ChangeListener>();

  publish(change: AccountChange): void {
    for (const l of this.listeners) {
      try {
        l(change);
      } catch {
        // A subscriber's failure is its own; the publisher already committed.
      }
    }
  }

  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
