/**
 * Several processes on one store (issue #15 §1): the shared secrets are created once whoever
 * races, and `roost init`'s bootstrap makes one account when two run at once.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from '../../src/store/index.js';
import { ensureDefaultAccount } from '../../src/domain/accounts/ensure-default-account.js';
import { InProcessChangeBus } from '../../src/domain/change-bus.js';
import { systemClock } from '../../src/domain/clock.js';
import { xidGenerator } from '../../src/domain/id-generator.js';
import { openPostgresTestStore, postgresSkipReason, TEST_PG_DSN } from '../harness/postgres-test-store.js';

const pgSkip = await postgresSkipReason();
if (pgSkip) console.log(`# skipping PostgreSQL cases: ${pgSkip}`);

/** `n` stores (separate pools/connections, like separate processes) on one PostgreSQL schema. */
async function pgStores(t: { after(fn: () => Promise<void>): void }, n: number): Promise<Store[]> {
  const first = await openPostgresTestStore('secrets');
  await first.store.migrate();
  const others = await Promise.all(Array.from({ length: n - 1 }, () => openStore({ engine: 'postgres', dsn: TEST_PG_DSN, schema: first.schema })));
  const stores = [first.store, ...others];
  t.after(async () => {
    await Promise.all(stores.map((s) => s.close()));
    await first.drop();
  });
  return stores;
}

async function sqliteStores(t: { after(fn: () => Promise<void>): void }, n: number): Promise<Store[]> {
  const dir = mkdtempSync(join(tmpdir(), 'roost-secrets-'));
  const stores = await Promise.all(Array.from({ length: n }, () => openStore({ engine: 'sqlite', file: join(dir, 'store.db') })));
  await stores[0]!.migrate();
  t.after(async () => {
    await Promise.all(stores.map((s) => s.close()));
    rmSync(dir, { recursive: true, force: true });
  });
  return stores;
}

for (const [engine, open, skip] of [
  ['sqlite', sqliteStores, false],
  ['postgres', pgStores, pgSkip ?? false],
] as const) {
  test(`${engine}: a secret raced by several processes is created once and read back by all`, { skip }, async (t) => {
    const stores = await open(t, 4);
    const values = await Promise.all(stores.map((s, i) => s.serverSecrets.getOrCreate('wireguard-private-key', () => `candidate-${i}`, 1)));
    assert.equal(new Set(values).size, 1, `one winner, got ${values.join(', ')}`);
    assert.equal(await stores[2]!.serverSecrets.getOrCreate('wireguard-private-key', () => 'late', 2), values[0]);
  });

  test(`${engine}: the reconciliation reads many serials in one call; ping answers`, { skip }, async (t) => {
    const [store] = await open(t, 1);
    const { account } = await ensureDefaultAccount({ store: store!, bus: new InProcessChangeBus(), clock: systemClock, ids: xidGenerator });
    const ids = [account.id, ...Array.from({ length: 1200 }, (_, i) => `missing-${i}`)];
    assert.deepEqual([...(await store!.getAccountSerials(ids))], [[account.id, 0]]);
    await store!.ping();
  });
}

test('postgres: roost init run at once by several processes makes one account', { skip: pgSkip ?? false }, async (t) => {
  const stores = await pgStores(t, 4);
  // Connections open first, so the four bootstraps really overlap.
  await Promise.all(stores.map((s) => Promise.all([1, 2].map(() => s.ping()))));
  const results = await Promise.all(stores.map((store) => ensureDefaultAccount({ store, bus: new InProcessChangeBus(), clock: systemClock, ids: xidGenerator })));
  assert.equal(new Set(results.map((r) => r.account.id)).size, 1, 'every run returns the same account');
  assert.equal(results.filter((r) => r.created).length, 1, 'exactly one run created it');
  assert.equal((await stores[0]!.repos.accounts.listIds()).length, 1);
});
