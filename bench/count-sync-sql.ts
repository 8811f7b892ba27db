import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedAccount } from '../test/harness/seed.js';
import { waitForPeerDisconnect } from '../test/harness/wait-for-peer-disconnect.js';
import { countingSqliteStore, StatementCounter, type SqlCount } from '../test/harness/statement-counter.js';
import { startTestServer } from '../test/harness/test-server.js';
import { ChannelPool } from './channel-pool.js';
import { PeerFleet } from './peer-fleet.js';

/** Resolves once `counter.total` has not moved for `quietMs` (the server's trailing writes are in). */
async function settled(counter: StatementCounter, quietMs = 300): Promise<void> {
  let last = -1;
  while (last !== counter.total) {
    last = counter.total;
    await new Promise((r) => setTimeout(r, quietMs));
  }
}

export type { SqlCount };

/** Statements of one reconnect: before its first message arrived, and written behind it. */
export interface PathSql {
  readonly critical: SqlCount;
  readonly behind: SqlCount;
}

/**
 * Counts the SQL statements of one reconnect on the fast path and on the slow path, with the
 * real server in-process (SQLite, switch forced on or off) and a peer speaking the wire
 * protocol. The reconnect is measured apart from the clean-up of the stream it replaces. The
 * server holds its batched status writes until flushed, so what ran before the answer (the
 * critical path) is told apart from what is written behind it.
 */
export async function countSyncSql(peers = 3): Promise<{ fast: PathSql; slow: PathSql }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'roost-bench-sql-'));
  const counter = new StatementCounter();
  let fastOn = true;
  const server = await startTestServer({ dataDir, overrides: { statusWriteDelayMs: 3_600_000, store: countingSqliteStore(join(dataDir, 'store.db'), counter), fastPathFlag: { enabled: () => fastOn } } });
  const fleet = new PeerFleet(new ChannelPool(server.grpcTarget, { kind: 'per-peer' }), peers);
  try {
    const seeded = await seedAccount(server.app);
    const { plain } = await seeded.setupKey();
    await fleet.registerAll(() => plain, peers);
    await fleet.connectAll({ concurrency: peers, deadlineMs: 10_000 });
    const measure = async (on: boolean): Promise<PathSql> => {
      fastOn = on;
      fleet.drop(0);
      await waitForPeerDisconnect(server.app, fleet.peers[0]!.publicKey); // flushes the queued status
      await settled(counter);
      counter.reset();
      await fleet.connectAll({ concurrency: 1, deadlineMs: 10_000 });
      const critical = counter.snapshot();
      counter.reset();
      await server.app.flushStatus();
      await settled(counter);
      return { critical, behind: counter.snapshot() };
    };
    const fast = await measure(true);
    const slow = await measure(false);
    if (fleet.errorCount > 0) throw new Error(`stream errors while counting SQL: ${fleet.errors.join('; ')}`);
    return { fast, slow };
  } finally {
    fleet.close();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
