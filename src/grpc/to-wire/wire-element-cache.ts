import { create, toBinary } from '@bufbuild/protobuf';
import { CustomZoneSchema, NetworkMapSchema } from '../../gen/management_pb.js';
import type { FirewallRule, RemotePeer, SimpleRecord } from '../../netmap/network-map.js';
import { firewallRuleToWire, remotePeerToWire, simpleRecordToWire } from './network-map-to-wire.js';
import { fieldNumber, framedOffsets } from './proto-writer.js';
import { NO_SKIP } from '../../netmap/list-cut.js';

/**
 * Encodes a batch of list elements as consecutive framed fields (tag ‖ length ‖ message), in
 * order: remote peers as NetworkMap.remotePeers, rules as NetworkMap.firewallRules, records as
 * CustomZone.records. One message per batch: protobuf-es is ~2× faster per element that way.
 */
export interface ElementEncoders {
  remotePeers(batch: readonly RemotePeer[]): Uint8Array;
  firewallRules(batch: readonly FirewallRule[]): Uint8Array;
  records(batch: readonly SimpleRecord[]): Uint8Array;
}

export const ELEMENT_ENCODERS: ElementEncoders = {
  remotePeers: (batch) => toBinary(NetworkMapSchema, create(NetworkMapSchema, { remotePeers: batch.map(remotePeerToWire) })),
  firewallRules: (batch) => toBinary(NetworkMapSchema, create(NetworkMapSchema, { firewallRules: batch.map(firewallRuleToWire) })),
  records: (batch) => toBinary(CustomZoneSchema, create(CustomZoneSchema, { records: batch.map(simpleRecordToWire) })),
};

/** The fields ELEMENT_ENCODERS frame for; encode-sync-message splices the bytes into these. */
export const FRAMED_FIELD = {
  remotePeer: fieldNumber(NetworkMapSchema, 'remotePeers'),
  firewallRule: fieldNumber(NetworkMapSchema, 'firewallRules'),
  record: fieldNumber(CustomZoneSchema, 'records'),
} as const;

/**
 * Encoded list elements per element object, framed as in ElementEncoders. Maps computed from one
 * snapshot share these objects (netmap/network-map.ts), so a push to every peer encodes each
 * element once; a new snapshot brings new objects, and the old entries go with the old snapshot
 * (WeakMap). A list is answered in runs: stretches of it that were encoded together, in order, are
 * one view each, so a map of thousands of elements costs a few lookups and copies, not thousands.
 * Cached bytes are shared: never mutate them.
 */
export class WireElementCache {
  private readonly peers: BatchCache<RemotePeer>;
  private readonly rules: BatchCache<FirewallRule>;
  private readonly dnsRecords: BatchCache<SimpleRecord>;

  constructor(encoders: ElementEncoders = ELEMENT_ENCODERS) {
    this.peers = new BatchCache(encoders.remotePeers);
    this.rules = new BatchCache(encoders.firewallRules);
    this.dnsRecords = new BatchCache(encoders.records);
  }

  /** The framed fields of `list` (without the positions `skip`), in order, as a few runs to copy as they are. */
  remotePeers(list: readonly RemotePeer[], skip: readonly number[] = NO_SKIP): Uint8Array[] {
    return this.peers.runs(list, skip);
  }

  /** One framed field per peer, for re-framing into another field (offline peers: few). */
  eachRemotePeer(list: readonly RemotePeer[]): Uint8Array[] {
    return this.peers.each(list);
  }

  firewallRules(list: readonly FirewallRule[], skip: readonly number[] = NO_SKIP): Uint8Array[] {
    return this.rules.runs(list, skip);
  }

  records(list: readonly SimpleRecord[]): Uint8Array[] {
    return this.dnsRecords.runs(list);
  }
}

/** Elements encoded together: element k's framed field is bytes[offsets[k], offsets[k + 1]). */
interface Batch<T> {
  readonly elements: readonly T[];
  readonly bytes: Uint8Array;
  readonly offsets: readonly number[];
}

/**
 * Where an element's bytes are. The entry keeps its batch alive, and the batch all its elements:
 * a batch holds the misses of one map, i.e. elements of one snapshot, which die together. (An
 * element a later snapshot reuses keeps its old batch alive with it.)
 */
interface Entry<T> {
  readonly batch: Batch<T>;
  readonly position: number;
}

/** Encoded elements of one kind, looked up by object identity, answered in runs. */
class BatchCache<T extends object> {
  private readonly entries = new WeakMap<T, Entry<T>>();

  constructor(private readonly encode: (batch: readonly T[]) => Uint8Array) {}

  /**
   * Views covering `list` in order, leaving out the positions `skip` (ascending); the misses are
   * encoded first, in one batch (then walked again).
   */
  runs(list: readonly T[], skip: readonly number[] = NO_SKIP): Uint8Array[] {
    const missing: T[] = [];
    const out = this.walkCut(list, skip, missing);
    if (missing.length === 0) return out;
    this.add(missing);
    return this.walkCut(list, skip, []);
  }

  each(list: readonly T[]): Uint8Array[] {
    this.runs(list);
    return list.map((e) => {
      const { batch, position: p } = this.entries.get(e)!;
      return batch.bytes.subarray(batch.offsets[p], batch.offsets[p + 1]);
    });
  }

  /**
   * One view per maximal stretch of `list` lying in order in one batch: one WeakMap.get per
   * stretch, then a pointer compare per element. Elements not cached go to `missing`.
   */
  private walkCut(list: readonly T[], skip: readonly number[], missing: T[]): Uint8Array[] {
    const out: Uint8Array[] = [];
    let from = 0;
    for (const s of skip) {
      this.walk(list, from, s, missing, out);
      from = s + 1;
    }
    this.walk(list, from, list.length, missing, out);
    return out;
  }

  /** Appends to `out` the views of list[from, to). */
  private walk(list: readonly T[], from: number, to: number, missing: T[], out: Uint8Array[]): void {
    let i = from;
    while (i < to) {
      const entry = this.entries.get(list[i]!);
      if (entry === undefined) {
        missing.push(list[i++]!);
        continue;
      }
      const { batch, position: p } = entry;
      let k = 1; // past the batch's end, elements[p + k] is undefined: the run stops
      while (i + k < to && list[i + k] === batch.elements[p + k]) k++;
      out.push(batch.bytes.subarray(batch.offsets[p], batch.offsets[p + k]));
      i += k;
    }
  }

  private add(elements: readonly T[]): void {
    const bytes = this.encode(elements);
    const offsets = framedOffsets(bytes);
    if (offsets.length !== elements.length + 1) throw new Error(`WireElementCache: encoder framed ${offsets.length - 1} of ${elements.length} elements`);
    const batch: Batch<T> = { elements, bytes, offsets };
    elements.forEach((e, position) => this.entries.set(e, { batch, position }));
  }
}
