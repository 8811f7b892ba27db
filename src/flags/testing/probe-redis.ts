import { Redis } from 'ioredis';
import { parseRedisAddress } from '../../shared/redis-address.js';

/** The Redis tests use: `NB_CACHE_REDIS_ADDRESS`, else the local default. */
export const TEST_REDIS_ADDRESS = process.env['NB_CACHE_REDIS_ADDRESS'] || 'redis://127.0.0.1:6379';

/**
 * Connects to the test Redis once. Returns the connected client, or — when Redis cannot be
 * reached — a skip reason; under `CI=true` an unreachable Redis throws instead, so the suite
 * fails rather than silently skipping.
 */
export async function connectTestRedis(address = TEST_REDIS_ADDRESS): Promise<Redis | string> {
  const client = new Redis({
    ...parseRedisAddress(address),
    lazyConnect: true,
    connectTimeout: 1_000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  let lastError: Error | undefined;
  client.on('error', (err: Error) => (lastError = err));
  try {
    await client.connect();
    await client.ping();
    return client;
  } catch (err) {
    client.disconnect();
    const reason = `Redis at ${address} unreachable: ${(lastError ?? (err as Error)).message}`;
    if (process.env['CI'] === 'true') throw new Error(`${reason} (required when CI=true)`);
    console.log(`# skipping: ${reason}`);
    return reason;
  }
}
