import type { AccountChange, ChangeBus } from '../domain/change-bus.js';
import type { LiveStream } from './live-stream.js';
import type { PeerRegistry } from './peer-registry.js';

/**
 * Turns committed account changes into map triggers on the affected live streams of this
 * process. Deleted peers get their "deleted" message (empty map, then the stream ends).
 * Returns the unsubscribe function.
 */
export function startChangePusher(bus: ChangeBus, registry: PeerRegistry<LiveStream>, observe?: (change: AccountChange, streams: number, ms: number) => void, queued?: (length: number) => void): () => void {
  return bus.subscribe((change: AccountChange) => {
    const t0 = performance.now();
    let streams = 0;
    for (const d of change.deletedPeers ?? []) {
      const s = registry.get(d.id);
      if (s) {
        s.push({ kind: 'deleted', serial: change.serial });
        s.close('deleted');
      }
    }
    const affected = change.peers === 'all' ? null : new Set(change.peers);
    for (const s of registry.ofAccount(change.accountId)) {
      if (affected === null || affected.has(s.peerId)) {
        s.push({ kind: 'map', serial: change.serial });
        streams++;
        queued?.(s.queued);
      }
    }
    observe?.(change, streams, performance.now() - t0);
  });
}
