/** How many recent changes per account are followed (older ones are reported as they stand). */
const PER_ACCOUNT = 16;

/** One committed change as far as this process pushed it. */
export interface PushedChange {
  readonly accountId: string;
  readonly serial: number;
  /** Streams of this process the change was queued on. */
  readonly streams: number;
  /** Of those, how many have been sent a map carrying it. */
  readonly reached: number;
  /** Milliseconds from the commit to the latest of those sends. */
  readonly ms: number;
}

interface Entry {
  at: number;
  streams: number;
  reached: number;
  lastMs: number;
}

/**
 * Follows each committed change (or, for another process's change, its arrival here) from the
 * commit to the map sends that carry it: the Sync loop learns commit → sent per push, and a
 * change is reported once every stream it was queued on has been sent it — or, for streams that
 * ended first, when a newer change of its account completes or it ages out. A change queued on
 * no stream here is not followed. Bounded per account and in accounts.
 */
export class PushTracker {
  private readonly byAccount = new Map<string, Map<number, Entry>>();

  constructor(private readonly report: (change: PushedChange) => void, private readonly maxAccounts = 100_000) {}

  /** Serial `serial` of `accountId` committed at `at` (ms, monotonic) and was queued on `streams` streams. */
  committed(accountId: string, serial: number, at: number, streams: number): void {
    if (streams === 0) return; // nothing to follow here (another process's peers, an identity-only message)
    let serials = this.byAccount.get(accountId);
    if (!serials) {
      if (this.byAccount.size >= this.maxAccounts) this.dropAccount(this.byAccount.keys().next().value!);
      this.byAccount.set(accountId, (serials = new Map()));
    }
    const known = serials.get(serial);
    if (known) known.streams += streams;
    else serials.set(serial, { at, streams, reached: 0, lastMs: 0 });
    while (serials.size > PER_ACCOUNT) this.finish(accountId, serials.keys().next().value!);
  }

  /**
   * A stream of `accountId` was sent a map at `sent`, its previous one being `previous`: every
   * followed change in between reached one more stream. Returns milliseconds from the oldest of
   * those commits, undefined when none was followed here.
   */
  delivered(accountId: string, previous: number, sent: number, now: number): number | undefined {
    const serials = this.byAccount.get(accountId);
    if (!serials) return undefined;
    let oldest: number | undefined;
    const done: number[] = [];
    for (const [serial, e] of serials) {
      if (serial <= previous || serial > sent) continue;
      oldest = oldest === undefined ? e.at : Math.min(oldest, e.at);
      e.reached++;
      e.lastMs = Math.max(0, now - e.at);
      if (e.reached >= e.streams) done.push(serial);
    }
    // A completed change also closes the account's older ones still waiting for ended streams.
    const newest = done.length ? Math.max(...done) : undefined;
    if (newest !== undefined) for (const serial of [...serials.keys()]) if (serial <= newest) this.finish(accountId, serial);
    return oldest === undefined ? undefined : Math.max(0, now - oldest);
  }

  private finish(accountId: string, serial: number): void {
    const serials = this.byAccount.get(accountId);
    const e = serials?.get(serial);
    if (!serials || !e) return;
    serials.delete(serial);
    if (serials.size === 0) this.byAccount.delete(accountId);
    this.report({ accountId, serial, streams: e.streams, reached: e.reached, ms: e.lastMs });
  }

  private dropAccount(accountId: string): void {
    for (const serial of [...(this.byAccount.get(accountId)?.keys() ?? [])]) this.finish(accountId, serial);
    this.byAccount.delete(accountId);
  }
}
