import type { AccountChange } from '../domain/change-bus.js';
import { serialsBehind } from './serials-behind.js';

export interface SerialReconcilerDeps {
  /** The serials this process knows (AccountSerials). */
  known(): ReadonlyMap<string, number>;
  /** The stored serials of these accounts (one query); missing = account gone. */
  storedSerials(accountIds: readonly string[]): Promise<ReadonlyMap<string, number>>;
  /** Peers streaming here whose rows are gone from the store (deleted while we were deaf). */
  vanishedPeers(accountId: string): Promise<readonly { readonly id: string; readonly key: string }[]>;
  /** Hands the resync change to the bus listeners as if it had been heard. */
  deliver(change: AccountChange): void;
  /** Accounts resynced by one run (metrics). */
  onResync(accounts: number): void;
  onError(err: unknown): void;
}

/**
 * Finds the changes this process missed — its subscription dropped, or a publisher died between
 * commit and publish — by comparing the serials it knows with the store's, and delivers one
 * `resync` change per account that moved: caches of the account are dropped and every stream
 * of it gets its new map. Runs when the bus reconnects and every `intervalMs`; runs never overlap
 * (a trigger during a run runs once more after it).
 */
export class SerialReconciler {
  private running: Promise<void> | undefined;
  private again = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly deps: SerialReconcilerDeps,
    private readonly intervalMs: number,
  ) {}

  start(): void {
    if (this.timer || this.intervalMs <= 0) return;
    this.timer = setInterval(() => this.trigger(), this.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Runs a reconciliation now (or right after the current one); resolves when it is done. */
  trigger(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          await this.runOnce().catch((err: unknown) => this.deps.onError(err));
        } while (this.again);
      } finally {
        this.running = undefined;
      }
    })();
    return this.running;
  }

  /** One comparison; returns how many accounts were resynced. */
  async runOnce(): Promise<number> {
    const known = this.deps.known();
    if (known.size === 0) return 0;
    const stored = await this.deps.storedSerials([...known.keys()]);
    const behind = serialsBehind(known, stored);
    for (const { accountId, serial } of behind) {
      const deletedPeers = await this.deps.vanishedPeers(accountId);
      // A vanished account keeps the serial we know: its streams get the deleted-peer message.
      const at = serial < 0 ? (known.get(accountId) ?? 0) : serial;
      this.deps.deliver({ accountId, serial: at, peers: 'all', resync: true, remote: true, ...(deletedPeers.length > 0 ? { deletedPeers } : {}) });
    }
    if (behind.length > 0) this.deps.onResync(behind.length);
    return behind.length;
  }
}
