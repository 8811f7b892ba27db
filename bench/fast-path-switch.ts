import { Redis } from 'ioredis';
import type { ServerUnderTest } from './server-under-test.js';

/**
 * The fast-path kill switch as an operator flips it: a Redis key the server polls
 * (NB_PEER_SYNC_REDIS_KEY, every NB_PEER_SYNC_FLAG_INTERVAL). `set` returns once the server's
 * /metrics reports the new state.
 */
export class FastPathSwitch {
  private readonly redis: Redis;

  constructor(
    readonly address: string,
    /** A key of this run alone, so parallel runs and tests never see each other's switch. */
    readonly key: string,
  ) {
    const [host, port] = address.split(':');
    this.redis = new Redis({ host, port: Number(port ?? 6379), lazyConnect: true, maxRetriesPerRequest: 1 });
  }

  /** The env that points a server at this switch, polled every 200 ms. */
  serverEnv(): Record<string, string> {
    return { NB_PEER_SYNC_REDIS_ADDRESS: this.address, NB_PEER_SYNC_REDIS_KEY: this.key, NB_PEER_SYNC_FLAG_INTERVAL: '200ms' };
  }

  /** Writes the key only (before a server starts). */
  async write(on: boolean): Promise<void> {
    await this.redis.set(this.key, on ? '1' : '0');
  }

  /** Writes the key and waits until `server` reports `roost_fast_path_enabled` accordingly. */
  async set(server: ServerUnderTest, on: boolean, timeoutMs = 10_000): Promise<void> {
    await this.write(on);
    await server.waitMetric('roost_fast_path_enabled', (v) => v === (on ? 1 : 0), { timeoutMs });
  }

  async close(): Promise<void> {
    await this.redis.del(this.key).catch(() => undefined);
    this.redis.disconnect();
  }
}
