/**
 * The shared key/value cache port (SEMANTICS.md §7.1): string values with a TTL. One store
 * per process, shared by every cache built on it (peer-sync entries, …). Keys are used as
 * given; an engine may add its own configured prefix.
 */
export interface CacheStore {
  /** The value, or `undefined` when the key is missing or expired. */
  get(key: string): Promise<string | undefined>;
  /** Stores `value`, replacing any previous one; it expires `ttlMs` (a positive number) after the write. */
  set(key: string, value: string, ttlMs: number): Promise<void>;
  /** Removes the key; deleting a missing key is not an error. */
  delete(key: string): Promise<void>;
  /** Releases the engine's resources; the store is unusable afterwards. */
  close(): Promise<void>;
}
