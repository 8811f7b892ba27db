/**
 * Change notifications (issue #3 §3): after a transaction that advanced an account's serial
 * commits, the domain publishes what changed; the Sync layer subscribes and pushes new maps.
 * A port so a Redis-backed bus can replace the in-process one for several replicas.
 */

export interface AccountChange {
  readonly accountId: string;
  /** The account serial after the change. */
  readonly serial: number;
  /** Peer IDs whose map may have changed, or `all` peers of the account. */
  readonly peers: 'all' | readonly string[];
  /** Peers deleted by the change: their streams get an empty map and are closed. */
  readonly deletedPeers?: readonly { readonly id: string; readonly key: string }[];
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
