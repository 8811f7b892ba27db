import type { App } from '../../src/app/create-app.js';
import type { SyncResponse } from '../../src/gen/management_pb.js';
import { pollUntil } from './poll.js';
import type { TestAgent } from './test-agent.js';
import { waitForPeerDisconnect } from './wait-for-peer-disconnect.js';

/**
 * One Sync as upstream's fast-path tests do it: open the stream, read the first message, cancel,
 * and wait until the store shows the peer disconnected by *this* stream's cleanup (lastSeen at
 * or after the cancel) — so the next Sync never overlaps this one's cache write.
 */
export async function syncOnce(agent: TestAgent, app: App, request: Parameters<TestAgent['sync']>[0] = {}): Promise<SyncResponse> {
  const stream = await agent.sync(request);
  let first: SyncResponse;
  try {
    first = await stream.next();
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
