/**
 * The Sync fast-path decision (SEMANTICS.md §6.4, §8.6) as pure functions: may a reconnecting
 * peer be answered without a network map?
 */

/** Why a Sync takes the slow path; `null` means it may skip the map. Used as a metric label. */
export type SlowPathReason = 'android' | 'cache_miss' | 'zero_serial' | 'login_mismatch' | 'serial_mismatch' | 'meta_mismatch';

/** What the peer-sync cache held for the peer. */
export interface CachedPeerSync {
  readonly serial: number;
  readonly metaHash: string;
  /** The peer's login generation when the map was delivered; absent = 0. */
  readonly loginGeneration?: number;
}

/**
 * The first reason (in this order) the fast path is refused, or `null` when it may be taken:
 * - `android` — the request's GoOS is `android`, any case (the Android client needs a map in
 *   its first Sync message); an empty GoOS is not Android;
 * - `cache_miss` — no entry (a read or decode error counts as a miss);
 * - `zero_serial` — the cached serial is 0 (never a delivered map);
 * - `login_mismatch` — the peer logged in since (its login generation moved on): a Login's
 *   cache delete may have failed, and the client may have dropped its map;
 * - `serial_mismatch` — the account serial moved since the map was delivered;
 * - `meta_mismatch` — the peer reports different meta than the stream that got the map.
 */
export function slowPathReason(
  goOS: string,
  hit: boolean,
  cached: CachedPeerSync | undefined,
  currentSerial: number,
  incomingMetaHash: string,
  loginGeneration = 0,
): SlowPathReason | null {
  if (goOS.toLowerCase() === 'android') return 'android';
  if (!hit || cached === undefined) return 'cache_miss';
  if (cached.serial === 0) return 'zero_serial';
  if ((cached.loginGeneration ?? 0) !== loginGeneration) return 'login_mismatch';
  if (cached.serial !== currentSerial) return 'serial_mismatch';
  if (cached.metaHash !== incomingMetaHash) return 'meta_mismatch';
  return null;
}

/** True when the Sync may be answered without a network map (no slow-path reason applies). */
export function shouldSkipNetworkMap(
  goOS: string,
  hit: boolean,
  cached: CachedPeerSync | undefined,
  currentSerial: number,
  incomingMetaHash: string,
  loginGeneration = 0,
): boolean {
  return slowPathReason(goOS, hit, cached, currentSerial, incomingMetaHash, loginGeneration) === null;
}
