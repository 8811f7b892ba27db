import type { RedisLike } from '../redis-like.js';

/**
 * A test double for `RedisLike`: an in-memory key space that can fail or hang reads on demand
 * and counts them.
 */
export class MemoryRedisDouble implements RedisLike {
  readonly values = new Map<string, string>();
  /** When set, `get` rejects with it. */
  failWith: Error | undefined;
  /** When true, `get` never settles (to exercise read timeouts). */
  hang = false;
  /** Number of `get` calls so far. */
  reads = 0;
  /** Keys passed to `get`, in order. */
  readonly readKeys: string[] = [];

  async get(key: string): Promise<string | null> {
    this.reads++;
    this.readKeys.push(key);
    if (this.hang) return new Promise<never>(() => {});
    if (this.failWith !== undefined) throw this.failWith;
    return this.values.get(key) ?? null;
  }
}
