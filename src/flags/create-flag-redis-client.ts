import { once } from 'node:events';
import { Redis } from 'ioredis';
import type { RedisOptions } from 'ioredis';
import { parseRedisAddress } from '../shared/redis-address.js';
import type { RedisLike } from './redis-like.js';

/** A dedicated Redis connection for a polled switch. */
export interface FlagRedisClient extends RedisLike {
  /** Closes the connection and stops reconnecting. */
  close(): Promise<void>;
}

export interface FlagRedisClientOptions {
  /** Deadline for connecting. Default 2000 ms. */
  readonly timeoutMs?: number;
  /** Told about connection errors; by default they are dropped (the routine logs failed reads). */
  readonly onConnectionError?: (err: Error) => void;
}

/** Reconnect pause after the n-th failed attempt: grows by 200 ms, capped at 5 s; never gives up. */
export function flagReconnectDelayMs(attempt: number): number {
  return Math.min(attempt * 200, 5_000);
}

/** The ioredis settings for a switch connection: fail fast, never queue, never crash. */
export function flagRedisOptions(address: string, timeoutMs: number): RedisOptions {
  return {
    ...parseRedisAddress(address),
    lazyConnect: true, // first read connects; nothing happens before the routine runs
    enableOfflineQueue: false, // a read while disconnected fails at once instead of piling up
    // No commandTimeout: ioredis would judge it in the timers phase, before a reply that
    // arrived during a local stall is read; the poll loop times reads out itself (poll-key.ts).
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 1,
    retryStrategy: flagReconnectDelayMs,
  };
}

/**
 * Builds the dedicated connection the fast-path switch (or log-level override) is read
 * through. Redis being down never crashes the process: connection errors are caught, reads
 * fail (and the routine fails closed), ioredis keeps reconnecting in the background.
 *
 * Because the offline queue is off, a read issued while the connection is being (re)opened
 * would fail instantly; `get` therefore waits for the connection up to the timeout first.
 *
 * @throws RoostError InvalidArgument for a malformed address.
 */
export function createFlagRedisClient(address: string, options: FlagRedisClientOptions = {}): FlagRedisClient {
  const timeoutMs = options.timeoutMs ?? 2_000;
  const client = new Redis(flagRedisOptions(address, timeoutMs));
  client.on('error', options.onConnectionError ?? (() => {}));
  return {
    async get(key) {
      await ready(client, timeoutMs);
      return client.get(key);
    },
    async close() {
      if (client.status === 'ready') {
        await client.quit().catch(() => client.disconnect());
      } else {
        client.disconnect();
      }
    },
  };
}

/** Resolves when `client` can take commands; rejects after `timeoutMs` or if it was closed. */
async function ready(client: Redis, timeoutMs: number): Promise<void> {
  if (client.status === 'ready') return;
  if (client.status === 'end') throw new Error('flag Redis connection is closed');
  if (client.status === 'wait') client.connect().catch(() => {});
  await once(client, 'ready', { signal: AbortSignal.timeout(timeoutMs) }).catch((err: unknown) => {
    throw new Error(`flag Redis not connected within ${timeoutMs} ms (status ${client.status})`, { cause: err });
  });
}
