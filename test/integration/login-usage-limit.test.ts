/**
 * A setup key's usage limit holds under concurrent registrations (SEMANTICS.md §3.3 step 7: the
 * key is re-read under its row lock before each use), on SQLite and on PostgreSQL, and every
 * loser gets the same answer on both engines, whether it lost before or under the lock.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GrpcCallError, TestAgent, linuxMeta, status } from '../harness/test-agent.js';
import { startTestServer, type TestServerOptions } from '../harness/test-server.js';
import { seedAccount } from '../harness/seed.js';
import { openPostgresTestStore, postgresSkipReason, TEST_PG_DSN } from '../harness/postgres-test-store.js';

const CONTENDERS = 20;

/** What a used-up key answers (CONTRACT.md), the same for a sequential and a racing Login. */
const EXHAUSTED = { code: status.NOT_FOUND, details: "couldn't add peer: setup key is invalid" };

type EngineOptions = TestServerOptions & { afterStop?: () => Promise<void> };

async function raceRegistrations(t: { after(fn: () => unknown): void }, engine: 'sqlite' | 'postgres', opts: EngineOptions, limit: number): Promise<void> {
  const server = await startTestServer(opts);
  const agents = Array.from({ length: CONTENDERS }, () => new TestAgent(server.grpcTarget));
  t.after(async () => {
    for (const a of agents) a.close();
    await server.stop();
    await opts.afterStop?.();
  });
  assert.equal(server.app.store.engine, engine);
  const seed = await seedAccount(server.app);
  const key = await seed.setupKey({ type: 'reusable', usageLimit: limit });
  // Fetch server keys first so the Logins themselves start together.
  await Promise.all(agents.map((a) => a.getServerKey()));
  const results = await Promise.allSettled(agents.map((a, i) => a.login({ setupKey: key.plain, meta: linuxMeta(`racer-${i}`) })));

  const ok = results.filter((r) => r.status === 'fulfilled');
  const failed = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
  assert.equal(ok.length, limit, `exactly ${limit} of ${CONTENDERS} registrations succeed`);
  for (const err of failed) {
    assert.ok(err instanceof GrpcCallError, String(err));
    assert.deepEqual({ code: err.code, details: err.details }, EXHAUSTED, `every loser is refused alike, got ${String(err)}`);
  }
  // A Login after the race, with the key used up, answers the same.
  const late = new TestAgent(server.grpcTarget);
  agents.push(late);
  const after = await late.login({ setupKey: key.plain, meta: linuxMeta('late') }).then(
    () => assert.fail('a used-up key registers no more peers'),
    (err: unknown) => err,
  );
  assert.ok(after instanceof GrpcCallError);
  assert.deepEqual({ code: after.code, details: after.details }, EXHAUSTED);
  const stored = await seed.deps.store.repos.setupKeys.get(seed.accountId, key.id);
  assert.equal(stored?.usedTimes, limit);
  const peers = await seed.deps.store.repos.peers.list(seed.accountId);
  assert.equal(peers.length, limit);
  assert.equal(new Set(peers.map((p) => p.ip)).size, limit, 'every registered peer has its own IP');
  assert.equal(await server.app.store.getAccountSerial(seed.accountId), limit, 'one serial bump per registered peer');
}

/** The engines the race runs on: SQLite always, PostgreSQL when reachable (skip otherwise). */
async function engineOptions(t: { skip(msg: string): void }, engine: 'sqlite' | 'postgres', schema: string): Promise<EngineOptions | undefined> {
  if (engine === 'sqlite') return {};
  const skip = await postgresSkipReason();
  if (skip !== undefined) {
    console.log(`# skipping: ${skip}`);
    t.skip(skip);
    return undefined;
  }
  const pg = await openPostgresTestStore(schema);
  // The env selects the engine as production would; the store carries the private schema.
  return {
    env: { NB_STORE_ENGINE: 'postgres', NB_STORE_ENGINE_POSTGRES_DSN: TEST_PG_DSN },
    overrides: { store: pg.store },
    afterStop: () => pg.drop(),
  };
}

for (const engine of ['sqlite', 'postgres'] as const) {
  const name = engine === 'sqlite' ? 'SQLite' : 'PostgreSQL';
  for (const limit of [1, 5]) {
    test(`usage limit ${limit} under ${CONTENDERS} concurrent registrations: exactly ${limit} succeed, losers NOT_FOUND (${name})`, async (t) => {
      const opts = await engineOptions(t, engine, `usagelimit${limit}`);
      if (opts) await raceRegistrations(t, engine, opts, limit);
    });
  }
}
