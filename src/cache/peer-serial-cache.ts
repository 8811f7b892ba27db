import type { CacheStore } from './cache-store.js';
import type { PeerSyncEntry } from './peer-sync-entry.js';
import { decodePeerSyncEntry, encodePeerSyncEntry, isValidPeerSyncEntry } from './peer-sync-entry.js';

/** The one logging call the cache makes (pino-compatible). */
export interface DebugLogger {
  debug(obj: object, msg: string): void;
}

export interface PeerSerialCacheOptions {
  readonly store: CacheStore;
  /** TTL applied on every write. Default `DEFAULT_PEER_SERIAL_CACHE_TTL_MS` (24 h). */
  readonly ttlMs?: number;
  /** Where failures go; default: nowhere. */
  readonly logger?: DebugLogger;
}

/** Upstream's `DefaultPeerSerialCacheTTL`. */
export const DEFAULT_PEER_SERIAL_CACHE_TTL_MS = 24 * 60 * 60 * 1000;

const KEY_PREFIX = 'peer-sync:';

const silentLogger: DebugLogger = { debug: () => {} };

/**
 * The peer-sync cache behind the Sync fast path (SEMANTICS.md §6.5): per WireGuard public key,
 * the serial and meta hash of the last network map delivered. Key `peer-sync:<pubkey>`.
 *
 * It never throws or rejects: a store error or an unreadable value is a miss (on `get`) or a
 * no-op (on `set`/`delete`), logged at debug — a broken cache only costs the slow path.
 */
export class PeerSerialCache {
  private readonly store: CacheStore;
  private readonly ttlMs: number;
  private readonly logger: DebugLogger;

  constructor(options: PeerSerialCacheOptions) {
    this.store = options.store;
    this.ttlMs = options.ttlMs ?? DEFAULT_PEER_SERIAL_CACHE_TTL_MS;
    this.logger = options.logger ?? silentLogger;
  }

  /** The entry for `peerKey`, or `undefined` on a miss of any kind. */
  async get(peerKey: string): Promise<PeerSyncEntry | undefined> {
    let text: string | undefined;
    try {
      text = await this.store.get(KEY_PREFIX + peerKey);
    } catch (err) {
      this.logger.debug({ err, peerKey }, 'peer-sync cache read failed; treating as a miss');
      return undefined;
    }
    if (text === undefined) return undefined;
    const entry = decodePeerSyncEntry(text);
    if (entry === undefined) {
      this.logger.debug({ peerKey, value: text.slice(0, 200) }, 'peer-sync cache value unreadable; treating as a miss');
    }
    return entry;
  }

  /** Stores `entry` for `peerKey` with the configured TTL; an invalid entry is not written. */
  async set(peerKey: string, entry: PeerSyncEntry): Promise<void> {
    if (!isValidPeerSyncEntry(entry)) {
      this.logger.debug({ peerKey, entry }, 'peer-sync cache entry invalid; not written');
      return;
    }
    try {
      await this.store.set(KEY_PREFIX + peerKey, encodePeerSyncEntry(entry), this.ttlMs);
    } catch (err) {
      this.logger.debug({ err, peerKey }, 'peer-sync cache write failed');
    }
  }

  /** Forgets `peerKey` (after every successful Login). */
  async delete(peerKey: string): Promise<void> {
    try {
      await this.store.delete(KEY_PREFIX + peerKey);
    } catch (err) {
      this.logger.debug({ err, peerKey }, 'peer-sync cache delete failed');
    }
  }
}
