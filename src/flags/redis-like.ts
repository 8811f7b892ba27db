/**
 * The one Redis call the flag routines make. ioredis clients satisfy it; tests pass an
 * in-memory double that can fail on demand.
 */
export interface RedisLike {
  /** The string at `key`, or `null` when the key does not exist. */
  get(key: string): Promise<string | null>;
}
