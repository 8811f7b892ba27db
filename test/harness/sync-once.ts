import type { App } from '../../src/app/create-app.js';
import type { SyncResponse } from '../../src/gen/management_pb.js';
import { pollUntil } from './poll.js';
import type { TestAgent } from './test-agent.js';
import { waitForPeerDisconnect } from './wait-for-peer-disconnect.js';

/**
 * One Sync as upstream's fast-path tests do it: open the stream, read the first message, cancel,
 * and wait until the store shows the peer disconnected by *this* stream's cleanup (lastSeen at
 * or after the cancel) — so the next Sync never overlaps this one's cache write. A full map is
 * recorded only once the client has acknowledged reading it, so the stream stays open until
 * then (as a real client's does).
 */
export async function syncOnce(agent: TestAgent, app: App, request: Parameters<TestAgent['sync']>[0] = {}): Promise<SyncResponse> {
  const stream = await agent.sync(request);
  let first: SyncResponse;
  try {
    first = await stream.next();
    await entryRecorded(app, agent.publicKey, first);
  } finally {
    stream.close();
  }
  const closedAt = app.clock.now();
  await pollUntil(async () => (await waitForPeerDisconnect(app, agent.publicKey)).lastSeen >= closedAt, {
    timeoutMs: 5_000,
    what: `the cleanup of ${agent.publicKey}'s Sync stream`,
  });
  return first;
}

/**
 * After a full map with the switch on: waits (up to 2 s) until the cache holds the entry for its
 * serial. A cache made to fail never gets it; that test then sees the slow path it expects.
 */
async function entryRecorded(app: App, key: string, first: SyncResponse): Promise<void> {
  const serial = first.networkMap ? Number(first.networkMap.serial) : 0;
  if (serial === 0 || !app.fastPathFlag.enabled()) return;
  await pollUntil(async () => ((await app.peerSyncCache.get(key))?.serial === serial ? true : undefined), { timeoutMs: 2_000, what: 'the entry' }).catch(() => {});
}
