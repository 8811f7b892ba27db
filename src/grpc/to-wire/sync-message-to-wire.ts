import { create } from '@bufbuild/protobuf';
import { SyncResponseSchema, type SyncResponse } from '../../gen/management_pb.js';
import type { SyncMessage } from '../../sync/sync-message.js';
import { controlConfigToWire } from './control-config-to-wire.js';
import { networkMapToWire } from './network-map-to-wire.js';

/**
 * A SyncResponse. With a map, the deprecated top-level copies (peerConfig, remotePeers,
 * remotePeersIsEmpty) are filled as upstream does; `checks` null means "not sent".
 */
export function syncMessageToWire(msg: SyncMessage): SyncResponse {
  const map = msg.map ? networkMapToWire(msg.map) : undefined;
  return create(SyncResponseSchema, {
    netbirdConfig: msg.config ? controlConfigToWire(msg.config) : undefined,
    networkMap: map,
    peerConfig: map?.peerConfig,
    remotePeers: map?.remotePeers ?? [],
    remotePeersIsEmpty: map?.remotePeersIsEmpty ?? false,
    checks: (msg.checks ?? []).map((c) => ({ files: [...c.files] })),
  });
}
