/**
 * The cache module: the `CacheStore` port (string values with a TTL), its engines — in-process
 * memory and Redis — and the peer-sync cache built on it for the Sync fast path.
 *
 * It must not decide anything about Sync (that is `sync/fast-path-decision.ts`), must not read
 * configuration or the environment (the composition root passes addresses and TTLs), and the
 * peer-sync cache must never fail a caller: a broken cache is a miss.
 */
export type { CacheStore } from './cache-store.js';
export { MemoryCacheStore } from './memory-cache-store.js';
export type { MemoryCacheStoreOptions } from './memory-cache-store.js';
export { RedisCacheStore } from './redis-cache-store.js';
export type { RedisCacheStoreOptions, RedisCacheStoreConnectOptions } from './redis-cache-store.js';
export { FailingCacheStore } from './failing-cache-store.js';
export { PeerSerialCache, DEFAULT_PEER_SERIAL_CACHE_TTL_MS } from './peer-serial-cache.js';
export type { DebugLogger, PeerSerialCacheOptions } from './peer-serial-cache.js';
export type { PeerSyncEntry } from './peer-sync-entry.js';
