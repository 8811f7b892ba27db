import { BinaryReader, WireType } from '@bufbuild/protobuf/wire';

/** What the load generator keeps of one SyncResponse: a few numbers, never the message. */
export interface SyncResponseSummary {
  /** Field 1 (NetbirdConfig) present: a fast- or slow-path first message, or a refresh. */
  readonly hasConfig: boolean;
  /** Field 5 (NetworkMap) present. */
  readonly hasMap: boolean;
  /** NetworkMap.serial; null without a map. */
  readonly serial: number | null;
  /** NetworkMap.remotePeers entries (0 without a map). */
  readonly remotePeers: number;
}

// Field numbers from proto/management.proto.
const SYNC_NETBIRD_CONFIG = 1;
const SYNC_NETWORK_MAP = 5;
const MAP_SERIAL = 1;
const MAP_REMOTE_PEERS = 3;

/** Reads serial and remote-peer count from an encoded NetworkMap without decoding the rest. */
function scanNetworkMap(bytes: Uint8Array): { serial: number; remotePeers: number } {
  const r = new BinaryReader(bytes);
  let serial = 0;
  let remotePeers = 0;
  while (r.pos < r.len) {
    const [no, wt] = r.tag();
    if (no === MAP_SERIAL && wt === WireType.Varint) serial = Number(r.uint64());
    else {
      if (no === MAP_REMOTE_PEERS && wt === WireType.LengthDelimited) remotePeers++;
      r.skip(wt, no);
    }
  }
  return { serial, remotePeers };
}

/**
 * Summarises an encoded (already decrypted) SyncResponse by walking its top-level fields —
 * a full decode of a 5,000-peer map costs the generator more CPU than the server spends
 * producing it, and the benchmark only needs the serial.
 */
export function summarizeSyncResponse(bytes: Uint8Array): SyncResponseSummary {
  const r = new BinaryReader(bytes);
  let hasConfig = false;
  let map: { serial: number; remotePeers: number } | null = null;
  while (r.pos < r.len) {
    const [no, wt] = r.tag();
    if (no === SYNC_NETWORK_MAP && wt === WireType.LengthDelimited) map = scanNetworkMap(r.bytes());
    else {
      if (no === SYNC_NETBIRD_CONFIG) hasConfig = true;
      r.skip(wt, no);
    }
  }
  return { hasConfig, hasMap: map !== null, serial: map?.serial ?? null, remotePeers: map?.remotePeers ?? 0 };
}
