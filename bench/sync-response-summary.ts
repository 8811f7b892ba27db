import { BinaryReader, WireType } from '@bufbuild/protobuf/wire';

/** What the load generator keeps of one SyncResponse: a few numbers, never the message. */
export interface SyncResponseSummary {
  /** Field 1 (NetbirdConfig) present: a fast- or slow-path first message, or a refresh. */
  readonly hasConfig: boolean;
  /** Field 5 (NetworkMap) present. */
  readonly hasMap: boolean;
  /** NetworkMap.serial; null without a map. */
  readonly serial: number | null;
}

// Field numbers from proto/management.proto.
const SYNC_NETBIRD_CONFIG = 1;
const SYNC_NETWORK_MAP = 5;
const MAP_SERIAL = 1;

/** Reads the serial of an encoded NetworkMap (0 when absent) without decoding the rest. */
function mapSerial(bytes: Uint8Array): number {
  const r = new BinaryReader(bytes);
  let serial = 0;
  while (r.pos < r.len) {
    const [no, wt] = r.tag();
    if (no === MAP_SERIAL && wt === WireType.Varint) serial = Number(r.uint64());
    else r.skip(wt, no);
  }
  return serial;
}

/**
 * Summarises an encoded (already decrypted) SyncResponse by walking its top-level fields —
 * a full decode of a 5,000-peer map costs the generator more CPU than the server spends
 * producing it, and the benchmark only needs the serial.
 */
export function summarizeSyncResponse(bytes: Uint8Array): SyncResponseSummary {
  const r = new BinaryReader(bytes);
  let hasConfig = false;
  let serial: number | null = null;
  while (r.pos < r.len) {
    const [no, wt] = r.tag();
    if (no === SYNC_NETWORK_MAP && wt === WireType.LengthDelimited) serial = mapSerial(r.bytes());
    else {
      if (no === SYNC_NETBIRD_CONFIG) hasConfig = true;
      r.skip(wt, no);
    }
  }
  return { hasConfig, hasMap: serial !== null, serial };
}
