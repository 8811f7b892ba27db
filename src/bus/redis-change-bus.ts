import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { parseRedisAddress } from '../shared/redis-address.js';
import type { AccountChange, ChangeBus, ChangeListener } from '../domain/change-bus.js';
import { decodeBusMessage, encodeBusMessage } from './bus-message.js';

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
  readonly onError?: (err: unknown) => void;
  /** Deadline for the first connection. Default 5000 ms. */
  readonly connectTimeoutMs?: number;
}

/** Reconnect pause after the n-th failed attempt: grows by 100 ms, capped at 2 s; never gives up. */
export function busReconnectDelayMs(attempt: number): number {
  return Math.min(attempt * 100, 2_000);
}

/**
 * The change bus across processes on Redis Pub/Sub (see index.ts for why). A change published
 * here reaches this process's listeners at once, synchronously (as the in-process bus does), and
 * every other process through the channel, marked `remote`. Two connections: a subscriber in
 * subscribe mode cannot publish.
 */
export class RedisChangeBus implements ChangeBus {
  /** Identifies this process's messages on the channel. */
  readonly origin = randomBytes(8).toString('hex');
  private readonly listeners = new Set<ChangeListener>();
  private readonly channel: string;
  private subscribedOnce = false;

  private constructor(
    private readonly pub: Redis,
    private readonly sub: Redis,
    private readonly options: RedisChangeBusOptions,
  ) {
    this.channel = `${options.prefix}:changes`;
  }

  /**
   * Connects both connections and subscribes; rejects when Redis does not answer in time (a
   * process that cannot hear other processes must not serve as if it could).
   */
  static async connect(options: RedisChangeBusOptions): Promise<RedisChangeBus> {
    const timeoutMs = options.connectTimeoutMs ?? 5_000;
    const base = { ...parseRedisAddress(options.address), lazyConnect: true, connectTimeout: timeoutMs, retryStrategy: busReconnectDelayMs, maxRetriesPerRequest: null };
    // The publisher queues while disconnected and sends on reconnect; what a crash loses there
    // the other processes' serial reconciliation finds.
    const pub = new Redis({ ...base, enableOfflineQueue: true });
    const sub = new Redis({ ...base, enableOfflineQueue: true, autoResubscribe: true });
    const bus = new RedisChangeBus(pub, sub, options);
    const report = (err: unknown) => options.onError?.(err);
    pub.on('error', report);
    sub.on('error', report);
    sub.on('message', (channel: string, text: string) => {
      if (channel === bus.channel) bus.receive(text);
    });
    // ioredis re-subscribes on every reconnect; each ready after the first means a gap.
    sub.on('ready', () => {
      if (bus.subscribedOnce) options.onReconnect?.();
    });
    try {
      await withTimeout(Promise.all([pub.connect(), sub.connect()]), timeoutMs, `change bus Redis at ${options.address} did not answer`);
      await withTimeout(sub.subscribe(bus.channel), timeoutMs, 'change bus subscription timed out');
      bus.subscribedOnce = true;
    } catch (err) {
      pub.disconnect();
      sub.disconnect();
      const why = err instanceof Error ? err.message : String(err);
      throw new Error(why.includes('did not answer') || why.includes('timed out') ? why : `change bus Redis at ${options.address} did not answer: ${why}`, { cause: err });
    }
    return bus;
  }

  publish(change: AccountChange): void {
    this.deliver(change);
    const text = encodeBusMessage({ origin: this.origin, sentAt: this.options.now(), change });
    this.pub.publish(this.channel, text).catch((err: unknown) => this.options.onError?.(err));
  }

  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Hands a change found by reconciliation (not heard on the bus) to the listeners. */
  deliverRemote(change: AccountChange): void {
    this.deliver({ ...change, remote: true });
  }

  /** Both connections up (readiness). */
  get connected(): boolean {
    return this.pub.status === 'ready' && this.sub.status === 'ready';
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

  private receive(text: string): void {
    const m = decodeBusMessage(text);
    if (m === undefined) {
      this.options.onError?.(new Error('dropped a malformed change bus message'));
      return;
    }
    if (m.origin === this.origin) return; // delivered locally at publish
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
