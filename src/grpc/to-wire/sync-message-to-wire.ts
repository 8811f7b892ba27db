import { create } from '@bufbuild/protobuf';
import { SyncResponseSchema, type SyncResponse } from '../../gen/management_pb.js';
import type { SyncMessage } from '../../sync/sync-message.js';
import { controlConfigToWire } from './control-config-to-wire.js';
import { networkMapToWire, peerConfigToWire } from './network-map-to-wire.js';

/**
 * A SyncResponse. With a map, the small deprecated top-level copies (peerConfig,
 * remotePeersIsEmpty) are filled as upstream does, but not the top-level remotePeers: no client
 * since v0.20 reads it (each reads NetworkMap.remotePeers), and it doubled a large map's bytes.
 * `checks` null means "not sent". Sends use encodeSyncMessage (same message, far cheaper); this
 * object form is its reference in tests.
 */
export function syncMessageToWire(msg: SyncMessage): SyncResponse {
  const out = syncResponseHeadToWire(msg);
  if (msg.map) {
    out.networkMap = networkMapToWire(msg.map);
  }
  return out;
}

/** The SyncResponse without its networkMap (see encode-sync-message). */
export function syncResponseHeadToWire(msg: SyncMessage): SyncResponse {
  return create(SyncResponseSchema, {
    netbirdConfig: msg.config ? controlConfigToWire(msg.config) : undefined,
    peerConfig: msg.map?.peerConfig ? peerConfigToWire(msg.map.peerConfig) : undefined,
    remotePeersIsEmpty: msg.map?.remotePeersIsEmpty ?? false,
    checks: (msg.checks ?? []).map((c) => ({ files: [...c.files] })),
  });
}
