import type { RegisteredStream } from './peer-registry.js';
import { enqueueUpdate, type QueuedUpdate } from './update-queue.js';

export type CloseReason = 'replaced' | 'deleted' | 'shutdown';

/**
 * One open Sync stream as the rest of the server sees it: pushes go into its queue, the
 * stream's own loop takes them out. Pushing never blocks and never computes anything.
 */
export class LiveStream implements RegisteredStream {
  private queue: QueuedUpdate[] = [];
  private wake: (() => void) | undefined;
  private readonly closeListeners: (() => void)[] = [];
  closedBy: CloseReason | undefined;

  constructor(
    readonly peerId: string,
    readonly accountId: string,
  ) {}

  /** Updates waiting to be taken (metrics). */
  get queued(): number {
    return this.queue.length;
  }

  push(update: QueuedUpdate): void {
    if (this.closedBy) return;
    this.queue = enqueueUpdate(this.queue, update);
    this.notify();
  }

  close(reason: CloseReason): void {
    if (this.closedBy) return;
    this.closedBy = reason;
    for (const l of this.closeListeners.splice(0)) l();
    this.notify();
  }

  /** Runs `fn` once when the stream closes (timers and other registrations are undone there). */
  onClose(fn: () => void): void {
    if (this.closedBy) fn();
    else this.closeListeners.push(fn);
  }

  /** The next update, or undefined once the stream is closed or `signal` aborts. */
  async take(signal: AbortSignal): Promise<QueuedUpdate | undefined> {
    for (;;) {
      if (signal.aborted || this.closedBy === 'replaced' || this.closedBy === 'shutdown') return undefined;
      const next = this.queue.shift();
      if (next) return next;
      if (this.closedBy) return undefined;
      await new Promise<void>((resolve) => {
        const done = () => {
          signal.removeEventListener('abort', done);
          this.wake = undefined;
          resolve();
        };
        this.wake = done;
        signal.addEventListener('abort', done, { once: true });
      });
    }
  }

  private notify(): void {
    const w = this.wake;
    this.wake = undefined;
    w?.();
  }
}
