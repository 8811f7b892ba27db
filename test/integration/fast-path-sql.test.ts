/**
 * Issue #6: no SQL statement on the critical path of a fast-path hit. Every statement the
 * server's store runs is counted (Kysely's log hook on a real SQLite file); connection-status
 * writes are batched behind the answer, so they come only after it.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { startFastPathServer } from '../harness/start-fast-path-server.js';
import { countingSqliteStore, StatementCounter } from '../harness/statement-counter.js';
import { syncOnce } from '../harness/sync-once.js';
import { linuxMeta } from '../harness/test-agent.js';

const META = linuxMeta('sql-count-host');

test('a fast-path hit answers without any SQL; its status write follows in a batch', async (t) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'roost-sql-'));
  t.after(() => rmSync(dataDir, { recursive: true, force: true }));
  const counter = new StatementCounter();
  // A long batch delay makes "after the answer" deterministic: nothing is written until flushed.
  const s = await startFastPathServer(t, { dataDir, overrides: { store: countingSqliteStore(join(dataDir, 'store.db'), counter), statusWriteDelayMs: 60_000 } });
  const a = await s.enrol(META);
  const b = await s.enrol(META);
  const first = await syncOnce(a, s.app, { meta: META }); // slow path: fills the cache
  assert.ok(first.networkMap, 'first Sync is full');
  const before = await s.app.store.findPeerByKey(a.publicKey);

  counter.reset();
  const stream = await a.sync({ meta: META });
  t.after(() => stream.close());
  const hit = await stream.next();
  assert.equal(hit.networkMap, undefined, 'a fast-path answer');
  assert.ok(hit.netbirdConfig);
  assert.deepEqual(counter.snapshot(), { total: 0, statements: [] }, 'no statement ran for the hit');

  await s.app.flushStatus();
  assert.ok(counter.total > 0, 'the connect mark is written by the batch');
  const after = await s.app.store.findPeerByKey(a.publicKey);
  assert.equal(after?.connected, true);
  assert.ok(after.lastSeen >= (before?.lastSeen ?? 0));

  // A peer whose identity this process has not read yet (b) costs reads once, then none.
  await syncOnce(b, s.app, { meta: META });
  counter.reset();
  const sb = await b.sync({ meta: META });
  t.after(() => sb.close());
  assert.equal((await sb.next()).networkMap, undefined);
  assert.equal(counter.total, 0, 'b was read by its first (slow) Sync; the hit runs no SQL');
});
