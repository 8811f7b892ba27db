/**
 * What the peer-sync cache remembers about a peer's last delivered network map
 * (SEMANTICS.md §6.5): the serial of that map and the meta hash of the stream that received it.
 */
export interface PeerSyncEntry {
  /** Account network serial of the map delivered; a non-negative safe integer. */
  readonly serial: number;
  /** 64-bit meta hash as a decimal string (JSON numbers cannot hold 64 bits exactly). */
  readonly metaHash: string;
  /**
   * The posture-check file lists that map carried, when any applied: a fast-path answer repeats
   * them so clients v0.28–v0.72.2 do not clear their check set (PROTOCOL.md §6.6).
   */
  readonly checks?: readonly (readonly string[])[];
  /**
   * The peer's login generation when the map was delivered; absent = 0 (entries written before
   * generations existed). An entry from an earlier generation never allows the fast path.
   */
  readonly loginGeneration?: number;
}

const isGeneration = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

const isChecks = (v: unknown): v is string[][] =>
  Array.isArray(v) && v.every((c) => Array.isArray(c) && c.every((f) => typeof f === 'string'));

const UINT64_MAX = (1n << 64n) - 1n;
const DECIMAL = /^(0|[1-9][0-9]{0,19})$/;

/** True when `entry` can be stored and read back unchanged. */
export function isValidPeerSyncEntry(entry: PeerSyncEntry): boolean {
  return (
    typeof entry === 'object' &&
    entry !== null &&
    Number.isSafeInteger(entry.serial) &&
    entry.serial >= 0 &&
    typeof entry.metaHash === 'string' &&
    DECIMAL.test(entry.metaHash) &&
    BigInt(entry.metaHash) <= UINT64_MAX &&
    (entry.checks === undefined || isChecks(entry.checks)) &&
    (entry.loginGeneration === undefined || isGeneration(entry.loginGeneration))
  );
}

/** The stored JSON text: `{"serial":42,"metaHash":"1234…"}`, plus checks and a generation when set. */
export function encodePeerSyncEntry(entry: PeerSyncEntry): string {
  return JSON.stringify({
    serial: entry.serial,
    metaHash: entry.metaHash,
    ...(entry.checks && entry.checks.length > 0 ? { checks: entry.checks } : {}),
    ...(entry.loginGeneration ? { loginGeneration: entry.loginGeneration } : {}),
  });
}

/** Parses stored text; anything malformed or out of range is `undefined` (a miss). */
export function decodePeerSyncEntry(text: string): PeerSyncEntry | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  const { serial, metaHash, checks, loginGeneration } = parsed as Record<string, unknown>;
  if (typeof serial !== 'number' || typeof metaHash !== 'string') return undefined;
  if (checks !== undefined && !isChecks(checks)) return undefined;
  if (loginGeneration !== undefined && !isGeneration(loginGeneration)) return undefined;
  const entry: PeerSyncEntry = {
    serial,
    metaHash,
    ...(checks === undefined ? {} : { checks }),
    ...(loginGeneration === undefined ? {} : { loginGeneration }),
  };
  return isValidPeerSyncEntry(entry) ? entry : undefined;
}
