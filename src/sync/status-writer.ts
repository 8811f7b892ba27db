import type { ConnectionChange } from '../domain/peers/connection-change.js';

export interface StatusItem {
  readonly peerKey: string;
  readonly change: ConnectionChange;
}

/** Applies a batch of connection changes in order (one store transaction), owned here. */
export interface StatusSink {
  markPeersConnected(items: readonly StatusItem[]): Promise<void>;
}

export interface StatusWriterOptions {
  /** How long the first change of a batch waits for company. */
  readonly delayMs: number;
  /** Changes per store transaction. */
  readonly maxBatch: number;
  readonly onError: (err: unknown, items: number) => void;
}

/**
 * Connection-status writes behind the Sync answer: a stream's start and end are recorded here
 * without waiting and written in batches, in the order they happened, so a reconnect storm
 * costs a few transactions instead of a statement round per peer, and no SQL sits on the
 * critical path of a fast-path Sync. Status is not map-relevant, so a short delay is harmless.
 */
export class StatusWriter {
  private pending: StatusItem[] = [];
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly sink: StatusSink,
    private readonly options: StatusWriterOptions,
  ) {}

  record(peerKey: string, change: ConnectionChange): void {
    this.pending.push({ peerKey, change });
    this.schedule();
  }

  /** Resolves once everything recorded before the call is written (or has failed). */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    while (this.running || this.pending.length > 0) {
      await (this.running ?? this.drain());
    }
  }

  get queued(): number {
    return this.pending.length;
  }

  private schedule(): void {
    if (this.timer || this.running) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.drain();
    }, this.options.delayMs);
    this.timer.unref();
  }

  private drain(): Promise<void> {
    this.running ??= (async () => {
      try {
        while (this.pending.length > 0) {
          const batch = this.pending.splice(0, this.options.maxBatch);
          try {
            await this.sink.markPeersConnected(batch);
          } catch (err) {
            this.options.onError(err, batch.length);
          }
          // A turn of the event loop between transactions (SQLite runs them synchronously).
          await new Promise((r) => setImmediate(r));
        }
      } finally {
        this.running = undefined;
        if (this.pending.length > 0) this.schedule();
      }
    })();
    return this.running;
  }
}
