import type { Clock } from '../domain/clock.js';
import { systemClock } from '../domain/clock.js';
import type { CacheStore } from './cache-store.js';
import { checkTtl } from './check-ttl.js';

interface Entry {
  readonly value: string;
  /** Epoch ms at which the entry stops being visible. */
  readonly expiresAt: number;
}

export interface MemoryCacheStoreOptions {
  /** Time source for expiry; tests pass a `ManualClock`. */
  readonly clock?: Clock;
  /** A full sweep of expired entries runs after this many writes (bounds memory). Default 1024. */
  readonly sweepEvery?: number;
}

/**
 * In-process `CacheStore` (the engine used when no Redis is configured). Expired entries are
 * invisible at once; they are removed when next touched, and by a full sweep every
 * `sweepEvery` writes — no timers, so nothing keeps the process alive.
 */
export class MemoryCacheStore implements CacheStore {
  private readonly entries = new Map<string, Entry>();
  private readonly clock: Clock;
  private readonly sweepEvery: number;
  private writesSinceSweep = 0;

  constructor(options: MemoryCacheStoreOptions = {}) {
    this.clock = options.clock ?? systemClock;
    this.sweepEvery = Math.max(1, options.sweepEvery ?? 1024);
  }

  /** Number of entries held, expired ones not yet swept included (for tests and metrics). */
  get size(): number {
    return this.entries.size;
  }

  async get(key: string): Promise<string | undefined> {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    if (isExpired(entry, this.clock.now())) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  async set(key: string, value: string, ttlMs: number): Promise<void> {
    const ttl = checkTtl(ttlMs);
    this.entries.set(key, { value, expiresAt: this.clock.now() + ttl });
    if (++this.writesSinceSweep >= this.sweepEvery) this.sweep();
  }

  async delete(key: string): Promise<void> {
    this.entries.delete(key);
  }

  async close(): Promise<void> {
    this.entries.clear();
  }

  /** Drops every expired entry. */
  sweep(): void {
    this.writesSinceSweep = 0;
    const now = this.clock.now();
    for (const [key, entry] of this.entries) {
      if (isExpired(entry, now)) this.entries.delete(key);
    }
  }
}

/** An entry written with TTL t at time w is visible for now < w + t. */
function isExpired(entry: Entry, now: number): boolean {
  return now >= entry.expiresAt;
}
