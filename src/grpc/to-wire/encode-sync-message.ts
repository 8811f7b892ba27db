import { toBinary } from '@bufbuild/protobuf';
import { CustomZoneSchema, DNSConfigSchema, NetworkMapSchema, SyncResponseSchema } from '../../gen/management_pb.js';
import type { DnsConfig } from '../../netmap/network-map.js';
import { listCutOf } from '../../netmap/list-cut.js';
import type { ControlConfig } from '../../sync/control-config.js';
import type { SyncMessage } from '../../sync/sync-message.js';
import { customZoneHeadToWire, dnsConfigHeadToWire, networkMapHeadToWire } from './network-map-to-wire.js';
import { assemble, encodedFields, fieldNumber, framedFields, messageField, payloadOf, repeatedField, type Piece } from './proto-writer.js';
import { syncResponseHeadToWire } from './sync-message-to-wire.js';
import type { WireElementCache } from './wire-element-cache.js';

/** Field numbers, read from the schema (proto/management.proto). */
const SYNC_RESPONSE = { networkMap: fieldNumber(SyncResponseSchema, 'networkMap') };
const NETWORK_MAP = { dnsConfig: fieldNumber(NetworkMapSchema, 'dnsConfig'), offlinePeers: fieldNumber(NetworkMapSchema, 'offlinePeers') };
const DNS_CONFIG = { customZones: fieldNumber(DNSConfigSchema, 'customZones') };


/**
 * SyncResponse bytes for `msg`, equal after decoding to `syncMessageToWire(msg)` but without a
 * protobuf object per list element: the per-peer parts go through @bufbuild/protobuf, while
 * remote peers, offline peers, firewall rules and DNS records are spliced in from `cache`.
 * Protobuf allows any field order, so the result is one valid encoding, in one buffer.
 */
export function encodeSyncMessage(msg: SyncMessage, cache: WireElementCache): Uint8Array {
  if (msg.config && !msg.map && !msg.checks) return configOnly(msg.config);
  return assemble(syncMessagePieces(msg, cache));
}

/**
 * The same encoding as pieces not yet written anywhere, so the sealer writes them once, straight
 * into the outgoing buffer (a 1 MB map is then copied once on its way out, not twice).
 */
export function syncMessagePieces(msg: SyncMessage, cache: WireElementCache): Piece[] {
  if (msg.config && !msg.map && !msg.checks) return [encodedFields(configOnly(msg.config))];
  const head = toBinary(SyncResponseSchema, syncResponseHeadToWire(msg));
  const m = msg.map;
  if (!m) return [encodedFields(head)];
  // The shared lists minus the receiver's own entries, walked without copying them (list-cut.ts).
  const peers = listCutOf(m, 'remotePeers');
  const rules = listCutOf(m, 'firewallRules');
  const map = messageField(SYNC_RESPONSE.networkMap, [
    encodedFields(toBinary(NetworkMapSchema, networkMapHeadToWire(m))),
    framedFields(cache.remotePeers(peers.list, peers.skip)),
    // Offline peers are few (login-expired): re-framed for their own field.
    repeatedField(NETWORK_MAP.offlinePeers, cache.eachRemotePeer(m.offlinePeers).map(payloadOf)),
    framedFields(cache.firewallRules(rules.list, rules.skip)),
    messageField(NETWORK_MAP.dnsConfig, dnsConfigPieces(m.dnsConfig, cache)),
  ]);
  return [encodedFields(head), map];
}

/**
 * A NetbirdConfig-only answer (the fast path's), encoded once per config object: the sync
 * layer hands every peer answered within a second the same one. The bytes are only read.
 */
const configOnlyBytes = new WeakMap<ControlConfig, Uint8Array>();
function configOnly(config: ControlConfig): Uint8Array {
  let bytes = configOnlyBytes.get(config);
  if (bytes === undefined) {
    bytes = toBinary(SyncResponseSchema, syncResponseHeadToWire({ config, map: null, checks: null }));
    configOnlyBytes.set(config, bytes);
  }
  return bytes;
}

function dnsConfigPieces(d: DnsConfig, cache: WireElementCache): Piece[] {
  return [
    encodedFields(toBinary(DNSConfigSchema, dnsConfigHeadToWire(d))),
    ...d.customZones.map((z) =>
      messageField(DNS_CONFIG.customZones, [encodedFields(toBinary(CustomZoneSchema, customZoneHeadToWire(z))), framedFields(cache.records(z.records))]),
    ),
  ];
}
