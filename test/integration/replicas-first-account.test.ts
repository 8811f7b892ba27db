/**
 * First sign-ins on an empty store, from several processes at once (issue #15): one account,
 * one owner, everyone else a user of it. Two stores on one database stand for two processes —
 * each its own pool and its own in-process lock — so only the store's serialisation (the
 * PostgreSQL advisory lock taken by `accounts.first()` in a transaction) can keep them to one
 * account. (Several processes need PostgreSQL; two SQLite stores in one Node process would
 * block each other's event loop in better-sqlite3's busy wait, so SQLite is not run here.)
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InProcessChangeBus } from '../../src/domain/change-bus.js';
import { systemClock } from '../../src/domain/clock.js';
import { xidGenerator } from '../../src/domain/id-generator.js';
import type { AuthClaims } from '../../src/domain/users/auth-claims.js';
import { resolveUserFromAuth } from '../../src/domain/users/resolve-user-from-auth.js';
import { openStore, type Store } from '../../src/store/index.js';
import { openPostgresTestStore, postgresSkipReason } from '../harness/postgres-test-store.js';

const pgSkip = await postgresSkipReason();
if (pgSkip) console.log(`# skipping the PostgreSQL run: ${pgSkip}`);

/** Sign-ins racing per round; rounds, each on a fresh empty store. */
const USERS = 12;
const ROUNDS = 4;

function claims(i: number): AuthClaims {
  return { userId: `user-${i}`, accountId: '', domain: 'corp.test', domainCategory: 'private', lastLoginMs: undefined, invited: false, email: `u${i}@corp.test`, name: `User ${i}`, claims: {} };
}

/** Every sign-in at once, alternating between the two "processes"; then what the store holds. */
async function race(stores: readonly [Store, Store]): Promise<void> {
  const deps = stores.map((store) => ({ store, bus: new InProcessChangeBus(), clock: systemClock, ids: xidGenerator }));
  const results = await Promise.all(Array.from({ length: USERS }, (_, i) => resolveUserFromAuth(deps[i % 2]!, claims(i))));
  const accountIds = await stores[0].repos.accounts.listIds();
  assert.equal(accountIds.length, 1, `one account, got ${accountIds.length}`);
  assert.equal(results.filter((r) => r.user.role === 'owner').length, 1, 'one sign-in made the owner');
  assert.ok(results.every((r) => r.account.id === accountIds[0] && r.created), 'everyone created, in that account');
  const users = await stores[1].repos.users.list(accountIds[0]!);
  assert.equal(users.length, USERS);
  assert.deepEqual(users.filter((u) => u.role === 'owner').map((u) => u.id), results.filter((r) => r.user.role === 'owner').map((r) => r.user.id));
}

test('postgres: first SSO sign-ins through two processes at once make one account', { skip: pgSkip ?? false, timeout: 60_000 }, async () => {
  for (let round = 0; round < ROUNDS; round++) {
    const a = await openPostgresTestStore('first_account');
    const b = await openStore({ engine: 'postgres', dsn: process.env['NB_STORE_ENGINE_POSTGRES_DSN'] || 'postgres://postgres@127.0.0.1:5432/test', schema: a.schema });
    try {
      await a.store.migrate();
      await b.migrate();
      await race([a.store, b]);
    } finally {
      await b.close();
      await a.store.close();
      await a.drop();
    }
  }
});
