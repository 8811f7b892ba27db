import type { AccountSnapshot } from '../domain/model.js';
import type { Clock } from '../domain/clock.js';
import { computeNetworkMap } from '../netmap/compute-network-map.js';
import type { NetworkMap } from '../netmap/network-map.js';

/** Where snapshots come from (the store), owned here. */
export interface SnapshotSource {
  loadAccountSnapshot(accountId: string): Promise<AccountSnapshot>;
}

interface Entry {
  serial: number;
  readonly snapshot: Promise<AccountSnapshot>;
  resolved?: AccountSnapshot;
}

/**
 * Account snapshots shared by every stream of the account, loaded once per serial (concurrent
 * requests share one load), and the per-peer map computation with its timing metric.
 */
export class AccountMaps {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly deps: {
      readonly source: SnapshotSource;
      readonly clock: Clock;
      readonly dnsDomain: string;
      readonly onCompute?: (seconds: number, map: NetworkMap) => void;
    },
  ) {}

  /** A snapshot whose serial is at least `minSerial`; reloads when the cached one is older. */
  async snapshot(accountId: string, minSerial: number): Promise<AccountSnapshot> {
    for (let attempt = 0; ; attempt++) {
      const cached = this.entries.get(accountId);
      if (cached && (cached.serial >= minSerial || cached.serial === -1)) {
        const snap = await cached.snapshot.catch(() => undefined);
        if (snap && snap.account.network.serial >= minSerial) return snap;
        // A load that began before the change committed can be older: load again.
        if (this.entries.get(accountId) === cached) this.entries.delete(accountId);
        if (attempt > 3 && snap) return snap;
        continue;
      }
      const entry: Entry = { serial: -1, snapshot: this.deps.source.loadAccountSnapshot(accountId) };
      this.entries.set(accountId, entry);
      entry.snapshot.then(
        (s) => {
          entry.serial = s.account.network.serial;
          entry.resolved = s;
        },
        () => {
          if (this.entries.get(accountId) === entry) this.entries.delete(accountId);
        },
      );
      const snap = await entry.snapshot;
      if (snap.account.network.serial >= minSerial || attempt > 3) return snap;
    }
  }

  /** The newest snapshot already loaded for the account, without any I/O. */
  peek(accountId: string): AccountSnapshot | undefined {
    return this.entries.get(accountId)?.resolved;
  }

  /** The peer's map from `snapshot` (pure computation, timed). */
  compute(snapshot: AccountSnapshot, peerId: string): NetworkMap {
    const t0 = performance.now();
    const map = computeNetworkMap({ snapshot, peerId, now: this.deps.clock.now(), dnsDomain: this.deps.dnsDomain });
    this.deps.onCompute?.((performance.now() - t0) / 1000, map);
    return map;
  }

  /** Drops a cached snapshot (tests, account deletion). */
  forget(accountId: string): void {
    this.entries.delete(accountId);
  }
}
