/**
 * A setup key's usage limit holds under concurrent registrations (SEMANTICS.md §3.3 step 7: the
 * key is re-read under its row lock before each use), on SQLite and on PostgreSQL.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GrpcCallError, TestAgent, linuxMeta, status } from '../harness/test-agent.js';
import { startTestServer, type TestServerOptions } from '../harness/test-server.js';
import { seedAccount } from '../harness/seed.js';
import { openPostgresTestStore, postgresSkipReason, TEST_PG_DSN } from '../harness/postgres-test-store.js';

const LIMIT = 5;
const CONTENDERS = 20;

/** The codes a registration refused for the key may carry: checked before or under the lock. */
const REFUSED = new Set([status.NOT_FOUND, status.FAILED_PRECONDITION]);

async function raceRegistrations(
  t: { after(fn: () => unknown): void },
  engine: 'sqlite' | 'postgres',
  opts: TestServerOptions & { afterStop?: () => Promise<void> },
): Promise<void> {
  const server = await startTestServer(opts);
  const agents = Array.from({ length: CONTENDERS }, () => new TestAgent(server.grpcTarget));
  t.after(async () => {
    for (const a of agents) a.close();
    await server.stop();
    await opts.afterStop?.();
  });
  assert.equal(server.app.store.engine, engine);
  const seed = await seedAccount(server.app);
  const key = await seed.setupKey({ type: 'reusable', usageLimit: LIMIT });
  // Fetch server keys first so the Logins themselves start together.
  await Promise.all(agents.map((a) => a.getServerKey()));
  const results = await Promise.allSettled(agents.map((a, i) => a.login({ setupKey: key.plain, meta: linuxMeta(`racer-${i}`) })));

  const ok = results.filter((r) => r.status === 'fulfilled');
  const failed = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
  assert.equal(ok.length, LIMIT, `exactly ${LIMIT} of ${CONTENDERS} registrations succeed`);
  for (const err of failed) {
    assert.ok(err instanceof GrpcCallError && REFUSED.has(err.code), `refused with NOT_FOUND or FAILED_PRECONDITION, got ${String(err)}`);
  }
  const stored = await seed.deps.store.repos.setupKeys.get(seed.accountId, key.id);
  assert.equal(stored?.usedTimes, LIMIT);
  const peers = await seed.deps.store.repos.peers.list(seed.accountId);
  assert.equal(peers.length, LIMIT);
  assert.equal(new Set(peers.map((p) => p.ip)).size, LIMIT, 'every registered peer has its own IP');
  assert.equal(await server.app.store.getAccountSerial(seed.accountId), LIMIT, 'one serial bump per registered peer');
}

test(`usage limit ${LIMIT} under ${CONTENDERS} concurrent registrations: exactly ${LIMIT} succeed (SQLite)`, async (t) => {
  await raceRegistrations(t, 'sqlite', {});
});

test(`usage limit ${LIMIT} under ${CONTENDERS} concurrent registrations: exactly ${LIMIT} succeed (PostgreSQL)`, async (t) => {
  const skip = await postgresSkipReason();
  if (skip !== undefined) {
    console.log(`# skipping: ${skip}`);
    t.skip(skip);
    return;
  }
  const pg = await openPostgresTestStore('usagelimit');
  // The env selects the engine as production would; the store carries the private schema.
  await raceRegistrations(t, 'postgres', {
    env: { NB_STORE_ENGINE: 'postgres', NB_STORE_ENGINE_POSTGRES_DSN: TEST_PG_DSN },
    overrides: { store: pg.store },
    afterStop: () => pg.drop(),
  });
});
