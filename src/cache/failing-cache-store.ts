import type { CacheStore } from './cache-store.js';

/**
 * A test double: wraps a real store and fails reads and/or writes on demand, to show that
 * callers (the peer-serial cache) treat a broken cache as a miss rather than an error.
 * `set` and `delete` count as writes.
 */
export class FailingCacheStore implements CacheStore {
  /** When true, `get` rejects. */
  failReads = false;
  /** When true, `set` and `delete` reject. */
  failWrites = false;

  constructor(
    private readonly inner: CacheStore,
    private readonly error: () => Error = () => new Error('injected cache failure'),
  ) {}

  async get(key: string): Promise<string | undefined> {
    if (this.failReads) throw this.error();
    return this.inner.get(key);
  }

  async set(key: string, value: string, ttlMs: number): Promise<void> {
    if (this.failWrites) throw this.error();
    return this.inner.set(key, value, ttlMs);
  }

  async delete(key: string): Promise<void> {
    if (this.failWrites) throw this.error();
    return this.inner.delete(key);
  }

  async close(): Promise<void> {
    return this.inner.close();
  }
}
