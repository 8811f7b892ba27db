import type { App } from '../../src/app/create-app.js';
import type { Peer } from '../../src/domain/model.js';
import { pollUntil } from './poll.js';

/**
 * Polls the store until the peer with WireGuard key `key` is recorded as connected (a Sync
 * stream's start was applied), or fails after `timeoutMs`. Resolves with the stored peer.
 * Status writes are batched behind Sync, so each poll first writes what is queued.
 */
export async function waitForPeerConnect(app: App, key: string, timeoutMs = 5_000): Promise<Peer> {
  return pollUntil(
    async () => {
      await app.flushStatus();
      const peer = await app.store.findPeerByKey(key);
      return peer?.connected ? peer : undefined;
    },
    { timeoutMs, what: `peer ${key} to be marked connected` },
  );
}
