import type { AccountChange } from '../domain/change-bus.js';

/** Where a serial not yet known in memory is read from (the store), owned here. */
export interface SerialSource {
  getAccountSerial(accountId: string): Promise<number | undefined>;
}

/**
 * The current network serial of each account, kept in memory so a fast-path hit reads it
 * without SQL. Every serial bump is published on the change bus after its commit (see
 * domain/transact.ts) and observed here; an account seen for the first time is read once from
 * the store. Values only ever grow, so a store read that raced a newer change cannot move a
 * serial back.
 *
 * Why this is safe for the fast path: the Sync stream is registered before the serial is read.
 * A change published before the read is seen here; one published after it is pushed to the
 * registered stream. Across processes (Redis bus) the same holds once the change arrives; a
 * dropped bus connection is covered by the reconciliation in bus/ (serials against the store).
 */
export class AccountSerials {
  private readonly known_ = new Map<string, number>();
  private readonly loading = new Map<string, Promise<number | undefined>>();

  constructor(private readonly source: SerialSource) {}

  /** The bus listener: remembers the serial a committed change moved the account to. */
  observe(change: Pick<AccountChange, 'accountId' | 'serial'>): void {
    this.raise(change.accountId, change.serial);
  }

  /** The serial without I/O, when this process already knows it. */
  peek(accountId: string): number | undefined {
    return this.known_.get(accountId);
  }

  /** Every serial this process knows (the bus reconciliation compares them with the store). */
  known(): ReadonlyMap<string, number> {
    return new Map(this.known_);
  }

  /** The current serial; undefined for an unknown account. */
  async get(accountId: string): Promise<number | undefined> {
    const hit = this.known_.get(accountId);
    if (hit !== undefined) return hit;
    let load = this.loading.get(accountId);
    if (!load) {
      load = this.source.getAccountSerial(accountId).finally(() => this.loading.delete(accountId));
      this.loading.set(accountId, load);
    }
    const read = await load;
    if (read === undefined) return this.known_.get(accountId);
    return this.raise(accountId, read);
  }

  private raise(accountId: string, serial: number): number {
    const current = this.known_.get(accountId);
    const next = current === undefined || serial > current ? serial : current;
    this.known_.set(accountId, next);
    return next;
  }
}
