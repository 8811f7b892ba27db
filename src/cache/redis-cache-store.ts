import { Redis } from 'ioredis';
import type { RedisOptions } from 'ioredis';
import { internal } from '../domain/errors.js';
import { parseRedisAddress } from '../shared/redis-address.js';
import type { CacheStore } from './cache-store.js';
import { checkTtl } from './check-ttl.js';

export interface RedisCacheStoreOptions {
  /** Prepended to every key (test isolation, shared Redis). Default none: keys are raw, as upstream. */
  readonly keyPrefix?: string;
  /** Whether `close()` also closes the client. Default true. */
  readonly ownsClient?: boolean;
}

export interface RedisCacheStoreConnectOptions extends RedisCacheStoreOptions {
  /**
   * Per-command deadline, so a stalled Redis cannot hold a Sync for long; it also bounds the
   * boot ping and the connect attempt (SEMANTICS.md §7.1: 2 s). Default 2000.
   */
  readonly commandTimeoutMs?: number;
  /** Told about connection errors (ioredis keeps reconnecting in the background). Default: ignored. */
  readonly onConnectionError?: (err: Error) => void;
}

/**
 * `CacheStore` on Redis: `GET`, `SET … PX <ttl>`, `DEL`. Errors from Redis are passed to the
 * caller (the peer-serial cache turns them into misses).
 */
export class RedisCacheStore implements CacheStore {
  private readonly prefix: string;
  private readonly ownsClient: boolean;

  constructor(
    private readonly client: Redis,
    options: RedisCacheStoreOptions = {},
  ) {
    this.prefix = options.keyPrefix ?? '';
    this.ownsClient = options.ownsClient ?? true;
  }

  /**
   * Connects to `address` (see `parseRedisAddress`) and pings it.
   *
   * @throws RoostError Internal when Redis does not answer the ping in time (boot is meant to
   *   fail, as upstream's does); InvalidArgument for a malformed address.
   */
  static async connect(address: string, options: RedisCacheStoreConnectOptions = {}): Promise<RedisCacheStore> {
    const timeoutMs = options.commandTimeoutMs ?? 2_000;
    const client = new Redis({ ...parseRedisAddress(address), ...cacheClientOptions(timeoutMs) });
    // Without a listener ioredis emits connection errors as unhandled 'error' events (a crash).
    client.on('error', options.onConnectionError ?? (() => {}));
    try {
      await client.ping();
    } catch (err) {
      client.disconnect();
      throw internal(`cache Redis at ${address} did not answer a ping: ${(err as Error).message}`, err);
    }
    return new RedisCacheStore(client, options);
  }

  async get(key: string): Promise<string | undefined> {
    return (await this.client.get(this.prefix + key)) ?? undefined;
  }

  async set(key: string, value: string, ttlMs: number): Promise<void> {
    await this.client.set(this.prefix + key, value, 'PX', checkTtl(ttlMs));
  }

  async delete(key: string): Promise<void> {
    await this.client.del(this.prefix + key);
  }

  async close(): Promise<void> {
    if (!this.ownsClient) return;
    try {
      await this.client.quit();
    } catch {
      this.client.disconnect();
    }
  }
}

/**
 * Client settings for the shared cache: bounded waits instead of queueing forever, and the
 * commands of one event-loop turn sent as one pipeline (a reconnect storm's thousands of GETs
 * cost a few writes and reads instead of one each).
 */
function cacheClientOptions(timeoutMs: number): RedisOptions {
  return {
    enableAutoPipelining: true,
    commandTimeout: timeoutMs,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 1,
    retryStrategy: (times) => Math.min(times * 200, 5_000),
  };
}
