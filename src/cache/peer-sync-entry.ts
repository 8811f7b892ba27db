/**
 * What the peer-sync cache remembers about a peer's last delivered network map
 * (SEMANTICS.md §6.5): the serial of that map and the meta hash of the stream that received it.
 */
export interface PeerSyncEntry {
  /** Account network serial of the map delivered; a non-negative safe integer. */
  readonly serial: number;
  /** 64-bit meta hash as a decimal string (JSON numbers cannot hold 64 bits exactly). */
  readonly metaHash: string;
}

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
    BigInt(entry.metaHash) <= UINT64_MAX
  );
}

/** The stored JSON text: `{"serial":42,"metaHash":"1234…"}`. */
export function encodePeerSyncEntry(entry: PeerSyncEntry): string {
  return JSON.stringify({ serial: entry.serial, metaHash: entry.metaHash });
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
  const { serial, metaHash } = parsed as Record<string, unknown>;
  if (typeof serial !== 'number' || typeof metaHash !== 'string') return undefined;
  const entry = { serial, metaHash };
  return isValidPeerSyncEntry(entry) ? entry : undefined;
}
