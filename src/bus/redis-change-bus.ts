import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { parseRedisAddress } from '../shared/redis-address.js';
import type { AccountChange, ChangeBus, ChangeListener } from '../domain/change-bus.js';
import { decodeBusMessage, encodeBusMessage, encodeReconcileRequest } from './bus-message.js';
import { admitPublish } from './publish-admission.js';

export interface RedisChangeBusOptions {
  /** `host:port` or `redis://…` (NB_CHANGE_BUS_REDIS_ADDRESS). */
  readonly address: string;
  /** Channel prefix (NB_CHANGE_BUS_REDIS_PREFIX), so deployments and tests share one Redis. */
  readonly prefix: string;
  /** Epoch ms (lag measurement). */
  readonly now: () => number;
  /** Seconds from the origin's publish to delivery here, per remote message. */
  readonly onLag?: (seconds: number) => void;
  /** The subscription came back after a drop: messages may have been missed meanwhile. */
  readonly onReconnect?: () => void;
  /** Another process dropped publishes while its connection was down: compare serials now. */
  readonly onReconcileRequest?: () => void;
  /** A connection attempt failed; the next one follows in `delayMs` (start-up logs the wait). */
  readonly onRetry?: (attempt: number, delayMs: number) => void;
  /** A change was not sent (connection down or too many unanswered); others resync it. */
  readonly onDropped?: () => void;
  /** Errors; one that repeats the previous one is not reported again until a connection is up. */
  readonly onError?: (err: unknown) => void;
  /** Deadline of `connect()`. Default 5000 ms. */
  readonly connectTimeoutMs?: number;
  /** Publishes unanswered at once before further ones are dropped. Default 1024. */
  readonly maxInFlight?: number;
}

/** Reconnect pause after the n-th failed attempt: grows by 100 ms, capped at 2 s; never gives up. */
export function busReconnectDelayMs(attempt: number): number {
  return Math.min(attempt * 100, 2_000);
}

/**
 * The change bus across processes on Redis Pub/Sub (see index.ts for why). A change published
 * here reaches this process's listeners at once, synchronously (as the in-process bus does), and
 * every other process through the channel, marked `remote`. Two connections: a subscriber in
 * subscribe mode cannot publish. Both connect in the background and reconnect forever; nothing
 * is queued while the publisher is down (see admitPublish).
 */
export class RedisChangeBus implements ChangeBus {
  /** Identifies this process's messages on the channel. */
  readonly origin = randomBytes(8).toString('hex');
  private readonly listeners = new Set<ChangeListener>();
  private readonly channel: string;
  private readonly ready: Promise<void>;
  private subscribedOnce = false;
  private inFlight = 0;
  private droppedSinceUp = false;
  private lastError = '';
  /** Changes not sent since start (metrics read the counter they are given). */
  dropped = 0;

  private constructor(
    private readonly pub: Redis,
    private readonly sub: Redis,
    private readonly options: RedisChangeBusOptions,
  ) {
    this.channel = `${options.prefix}:changes`;
    const subscribed = sub.subscribe(this.channel).then(() => {
      this.subscribedOnce = true;
    });
    const pubUp = new Promise<void>((resolve) => (pub.status === 'ready' ? resolve() : pub.once('ready', () => resolve())));
    this.ready = Promise.all([subscribed, pubUp]).then(() => undefined);
    this.ready.catch(() => undefined); // rejected only by close(); whenReady callers see it
  }

  /** Starts connecting both connections and returns at once; `whenReady` says when it hears. */
  static open(options: RedisChangeBusOptions): RedisChangeBus {
    const retryStrategy = (attempt: number) => {
      const delay = busReconnectDelayMs(attempt);
      options.onRetry?.(attempt, delay);
      return delay;
    };
    const base = { ...parseRedisAddress(options.address), connectTimeout: options.connectTimeoutMs ?? 5_000, maxRetriesPerRequest: null };
    // The publisher never queues while down (admitPublish); the subscriber's SUBSCRIBE waits.
    const pub = new Redis({ ...base, retryStrategy: (n: number) => busReconnectDelayMs(n), enableOfflineQueue: false });
    const sub = new Redis({ ...base, retryStrategy, enableOfflineQueue: true, autoResubscribe: true });
    const bus = new RedisChangeBus(pub, sub, options);
    pub.on('error', (err: unknown) => bus.report(err));
    sub.on('error', (err: unknown) => bus.report(err));
    sub.on('message', (channel: string, text: string) => {
      if (channel === bus.channel) bus.receive(text);
    });
    // ioredis re-subscribes on every reconnect; each ready after the first subscription means a gap.
    sub.on('ready', () => {
      bus.lastError = '';
      if (bus.subscribedOnce) options.onReconnect?.();
    });
    pub.on('ready', () => {
      bus.lastError = '';
      if (bus.droppedSinceUp) bus.requestReconcile();
    });
    return bus;
  }

  /**
   * Opens and waits until it hears; rejects (and closes) when Redis does not answer within
   * `connectTimeoutMs` — for callers that must not wait (tests, tools).
   */
  static async connect(options: RedisChangeBusOptions): Promise<RedisChangeBus> {
    const bus = RedisChangeBus.open(options);
    try {
      await bus.whenReady({ timeoutMs: options.connectTimeoutMs ?? 5_000 });
    } catch (err) {
      await bus.close();
      throw err;
    }
    return bus;
  }

  /** Resolves once subscribed and able to publish; rejects when `signal` aborts or `timeoutMs` passes. */
  whenReady(opts: { readonly signal?: AbortSignal; readonly timeoutMs?: number } = {}): Promise<void> {
    const waits: Promise<void>[] = [this.ready];
    let timer: NodeJS.Timeout | undefined;
    let onAbort: (() => void) | undefined;
    if (opts.timeoutMs !== undefined) {
      waits.push(new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`change bus Redis at ${this.options.address} did not answer`)), opts.timeoutMs))));
    }
    if (opts.signal) {
      const signal = opts.signal;
      waits.push(new Promise((_, reject) => signal.addEventListener('abort', (onAbort = () => reject(new Error('stopped while waiting for the change bus'))), { once: true })));
      if (signal.aborted) onAbort?.();
    }
    return Promise.race(waits).finally(() => {
      clearTimeout(timer);
      if (onAbort) opts.signal?.removeEventListener('abort', onAbort);
    });
  }

  publish(change: AccountChange): void {
    this.deliver(change);
    if (!admitPublish({ connected: this.pub.status === 'ready', inFlight: this.inFlight, maxInFlight: this.options.maxInFlight ?? 1024 })) {
      this.drop();
      return;
    }
    this.inFlight++;
    const text = encodeBusMessage({ origin: this.origin, sentAt: this.options.now(), change });
    this.pub
      .publish(this.channel, text)
      .catch((err: unknown) => {
        this.report(err);
        this.drop();
      })
      .finally(() => this.inFlight--);
  }

  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Hands a change found by reconciliation (not heard on the bus) to the listeners. */
  deliverRemote(change: AccountChange): void {
    this.deliver({ ...change, remote: true });
  }

  /** Both connections up and subscribed (readiness). */
  get connected(): boolean {
    return this.subscribedOnce && this.pub.status === 'ready' && this.sub.status === 'ready';
  }

  /** Publishes sent and not yet answered (bounded by `maxInFlight`). */
  get pending(): number {
    return this.inFlight;
  }

  /** Round trip on the publishing connection; rejects when Redis does not answer. */
  async ping(timeoutMs = 1_000): Promise<void> {
    if (!this.connected) throw new Error('change bus disconnected');
    await withTimeout(this.pub.ping(), timeoutMs, 'change bus ping timed out');
  }

  async close(): Promise<void> {
    this.listeners.clear();
    await Promise.all(
      [this.pub, this.sub].map(async (c) => {
        if (c.status === 'ready') await c.quit().catch(() => c.disconnect());
        else c.disconnect();
      }),
    );
  }

  private drop(): void {
    this.dropped++;
    this.droppedSinceUp = true;
    this.options.onDropped?.();
  }

  /** After drops, one message asks every other process to compare serials now. */
  private requestReconcile(): void {
    this.droppedSinceUp = false;
    this.pub.publish(this.channel, encodeReconcileRequest({ origin: this.origin, sentAt: this.options.now() })).catch((err: unknown) => {
      this.droppedSinceUp = true;
      this.report(err);
    });
  }

  private report(err: unknown): void {
    const text = err instanceof Error ? err.message : String(err);
    if (text === this.lastError) return;
    this.lastError = text;
    this.options.onError?.(err);
  }

  private receive(text: string): void {
    const m = decodeBusMessage(text);
    if (m === undefined) {
      this.options.onError?.(new Error('dropped a malformed change bus message'));
      return;
    }
    if (m.origin === this.origin) return; // delivered locally at publish
    if ('reconcile' in m) {
      this.options.onReconcileRequest?.();
      return;
    }
    this.options.onLag?.(Math.max(0, this.options.now() - m.sentAt) / 1000);
    this.deliver({ ...m.change, remote: true });
  }

  private deliver(change: AccountChange): void {
    for (const l of this.listeners) {
      try {
        l(change);
      } catch (err) {
        this.options.onError?.(err);
      }
    }
  }
}

function withTimeout<T>(p: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([p, deadline]).finally(() => clearTimeout(timer));
}
