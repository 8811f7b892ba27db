/**
 * User and account provisioning from a validated token (IDENTITY.md §2.4) and JWT groups (§2.5),
 * through the domain's `resolveUserFromAuth` on each store engine: who creates the account, who
 * joins it and as what, concurrent first sign-ins, the account-ID claim, `nb_last_login`, the
 * allow-groups gate and the groups sync with and without propagation.
 */
import { describe, test, after } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_POLICY_NAME } from '../../src/domain/accounts/default-policy.js';
import { isRoostError } from '../../src/domain/errors.js';
import type { AccountSettings, Group } from '../../src/domain/model.js';
import { registerSsoPeer } from '../../src/domain/peers/register-sso-peer.js';
import type { AuthClaims } from '../../src/domain/users/auth-claims.js';
import { resolveUserFromAuth } from '../../src/domain/users/resolve-user-from-auth.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from '../../src/store/index.js';
import { meta, seedAccount, testDeps, wgKey, type TestDeps } from '../conformance/store-fixtures.js';
import { openPostgresTestStore, postgresSkipReason } from '../harness/postgres-test-store.js';

const claims = (userId: string, over: Partial<AuthClaims> = {}): AuthClaims => ({
  userId,
  accountId: '',
  domain: '',
  domainCategory: '',
  lastLoginMs: undefined,
  invited: false,
  email: `${userId}@corp.test`,
  name: `${userId} name`,
  claims: { sub: userId },
  ...over,
});
const withGroups = (userId: string, groups: string[]) => claims(userId, { claims: { sub: userId, groups } });

const pgSkip = await postgresSkipReason();
if (pgSkip !== undefined) console.log(`# skipping postgres runs: ${pgSkip}`);

for (const engine of ['sqlite', 'postgres'] as const) {
  describe(`SSO provisioning (${engine})`, { skip: engine === 'postgres' ? pgSkip : undefined }, () => {
    let store: Store;
    const cleanups: (() => Promise<void>)[] = [];
    after(async () => {
      for (const c of cleanups) await c();
    });

    /** Deps on a new, empty, migrated store: the first-user rules need a store without accounts. */
    async function emptyStore(): Promise<TestDeps> {
      store = await openEmptyStore(engine, cleanups);
      return testDeps(store);
    }

    test('the first user of an empty store creates the account and owns it; later calls find them', async () => {
      const deps = await emptyStore();
      const first = await resolveUserFromAuth(deps, claims('alice'));
      assert.equal(first.created, true);
      assert.deepEqual(
        { id: first.user.id, role: first.user.role, pending: first.user.pendingApproval, blocked: first.user.blocked, email: first.user.email, name: first.user.name, issued: first.user.issued },
        { id: 'alice', role: 'owner', pending: false, blocked: false, email: 'alice@corp.test', name: 'alice name', issued: 'api' },
      );
      assert.equal(first.account.createdBy, 'alice');
      assert.equal(first.user.accountId, first.account.id);
      assert.deepEqual((await store.repos.groups.list(first.account.id)).map((g) => [g.name, g.issued]), [['All', 'api']]);
      assert.deepEqual((await store.repos.policies.list(first.account.id)).map((p) => p.name), [DEFAULT_POLICY_NAME]);
      assert.equal(first.account.settings.userApprovalRequired, true, 'new-account default');
      const again = await resolveUserFromAuth(deps, claims('alice', { email: 'changed@corp.test', name: 'Changed' }));
      assert.equal(again.created, false);
      assert.deepEqual([again.user.email, again.user.name], ['alice@corp.test', 'alice name'], 'name and e-mail are never refreshed from later tokens');
    });

    test('new users join the existing account as `user`, pending approval unless it is off', async () => {
      const deps = await emptyStore();
      const { account } = await seedAccount(deps);
      const serial = await store.getAccountSerial(account.id);
      const bob = await resolveUserFromAuth(deps, claims('bob'));
      assert.deepEqual([bob.account.id, bob.user.role, bob.user.pendingApproval, bob.user.blocked, bob.created], [account.id, 'user', true, true, true]);
      assert.equal(await store.getAccountSerial(account.id), serial! + 1, 'a new user moves the serial (users feed SSH authorisation)');
      await store.repos.accounts.updateSettings(account.id, { ...account.settings, userApprovalRequired: false });
      const carol = await resolveUserFromAuth(deps, claims('carol'));
      assert.deepEqual([carol.user.role, carol.user.pendingApproval, carol.user.blocked], ['user', false, false]);
      assert.equal((await store.repos.accounts.listIds()).length, 1, 'no other account was made');
    });

    test('concurrent first sign-ins make one account; concurrent sign-ins of one new user make one user', async () => {
      const deps = await emptyStore();
      const results = await Promise.all(['u1', 'u2', 'u3', 'u4', 'u5'].map((u) => resolveUserFromAuth(deps, claims(u))));
      assert.equal((await store.repos.accounts.listIds()).length, 1);
      assert.equal(new Set(results.map((r) => r.account.id)).size, 1);
      assert.deepEqual(results.map((r) => r.user.role).sort(), ['owner', 'user', 'user', 'user', 'user']);
      const same = await Promise.all(Array.from({ length: 5 }, () => resolveUserFromAuth(deps, claims('dave'))));
      assert.equal(same.filter((r) => r.created).length, 1, 'created once');
      assert.equal((await store.repos.users.list(results[0]!.account.id)).filter((u) => u.id === 'dave').length, 1);
    });

    test('refusals: empty user ID, an account-ID claim that does not match; nothing is created', async () => {
      const deps = await emptyStore();
      const { account } = await seedAccount(deps);
      await resolveUserFromAuth(deps, claims('erin'));
      const cases: [string, AuthClaims, string][] = [
        ['empty user ID', claims(''), 'empty user ID in claims'],
        ['known user, other account', claims('erin', { accountId: 'another-account' }), 'user erin is not part of the account id another-account'],
        ['unknown user with an account claim', claims('frank', { accountId: account.id }), 'user frank not found'],
      ];
      for (const [name, auth, message] of cases) {
        await assert.rejects(resolveUserFromAuth(deps, auth), (e: unknown) => (isRoostError(e, 'Unauthenticated') && e.message === message) || assert.fail(`${name}: ${String(e)}`));
      }
      assert.equal(await store.repos.users.get('frank'), undefined);
      assert.equal((await resolveUserFromAuth(deps, claims('erin', { accountId: account.id }))).user.id, 'erin', 'a matching claim passes');
    });

    test('nb_last_login is stored when newer', async () => {
      const deps = await emptyStore();
      await resolveUserFromAuth(deps, claims('gina'));
      const t1 = Date.UTC(2026, 2, 1);
      assert.equal((await resolveUserFromAuth(deps, claims('gina', { lastLoginMs: t1 }))).user.lastLogin, t1);
      assert.equal((await resolveUserFromAuth(deps, claims('gina', { lastLoginMs: t1 - 1000 }))).user.lastLogin, t1, 'an older one is ignored');
      assert.equal((await store.repos.users.get('gina'))?.lastLogin, t1);
    });

    test('allow-groups gate: the user is provisioned, then refused unless a token group is allowed', async () => {
      const deps = await emptyStore();
      const { account } = await seedAccount(deps);
      await setSettings(store, account.id, { userApprovalRequired: false, jwtGroupsEnabled: true, jwtGroupsClaimName: 'groups', jwtAllowGroups: ['admins'] });
      await assert.rejects(resolveUserFromAuth(deps, withGroups('hank', ['devs'])), (e: unknown) => (isRoostError(e, 'PermissionDenied') && e.message === 'user does not belong to any of the allowed JWT groups') || assert.fail(String(e)));
      assert.ok(await store.repos.users.get('hank'), 'created before the gate, as upstream');
      assert.equal((await resolveUserFromAuth(deps, withGroups('hank', ['devs', 'admins']))).user.id, 'hank');
      await setSettings(store, account.id, { jwtGroupsEnabled: false });
      assert.equal((await resolveUserFromAuth(deps, withGroups('hank', ['devs']))).user.id, 'hank', 'no gate while JWT groups are off');
    });

    for (const propagation of [true, false]) {
      test(`JWT groups sync ${propagation ? 'with' : 'without'} propagation to the user's peers`, async () => {
        const deps = await emptyStore();
        const { account } = await seedAccount(deps);
        await setSettings(store, account.id, { userApprovalRequired: false, jwtGroupsEnabled: true, jwtGroupsClaimName: 'groups', groupsPropagationEnabled: propagation });
        const apiSales: Group = { id: deps.ids.next(), accountId: account.id, name: 'sales', issued: 'api', peers: [] };
        await store.repos.groups.insert(apiSales);
        const first = await resolveUserFromAuth(deps, withGroups('ivy', ['eng']));
        const eng = await groupNamed(store, account.id, 'eng', 'jwt');
        assert.deepEqual(first.user.autoGroups, [eng.id], 'a JWT group is created and given to the user');
        const laptop = await registerSsoPeer(deps, { userId: 'ivy', key: wgKey(), meta: meta({ hostname: 'ivy-laptop' }), sshKey: '', extraDnsLabels: [] });
        const desktop = await registerSsoPeer(deps, { userId: 'ivy', key: wgKey(), meta: meta({ hostname: 'ivy-desktop' }), sshKey: '', extraDnsLabels: [] });
        const ivyPeers = [laptop.peer.id, desktop.peer.id].sort();
        assert.deepEqual((await groupNamed(store, account.id, 'eng', 'jwt')).peers, ivyPeers, 'registration joins the auto-groups');

        const serial = (await store.getAccountSerial(account.id))!;
        deps.published.length = 0;
        const moved = await resolveUserFromAuth(deps, withGroups('ivy', ['sales', 'ops']));
        const ops = await groupNamed(store, account.id, 'ops', 'jwt');
        assert.deepEqual(moved.user.autoGroups, [ops.id], 'eng dropped, ops made; the API sales group is not attached');
        assert.deepEqual((await store.repos.users.get('ivy'))?.autoGroups, [ops.id]);
        assert.deepEqual((await store.repos.groups.get(account.id, apiSales.id))?.peers, [], 'the same-named API group is untouched');
        assert.equal((await store.repos.groups.list(account.id)).filter((g) => g.name === 'sales').length, 1, 'and no JWT sales group is made beside it');
        assert.ok(await store.repos.groups.get(account.id, eng.id), 'a dropped JWT group stays');
        assert.deepEqual((await groupNamed(store, account.id, 'eng', 'jwt')).peers, propagation ? [] : ivyPeers);
        assert.deepEqual(ops.peers, propagation ? ivyPeers : []);
        assert.equal(await store.getAccountSerial(account.id), serial + 1, 'one bump for the change');
        assert.deepEqual(deps.published.map((c) => [c.serial, c.peers]), [[serial + 1, 'all']]);

        deps.published.length = 0;
        await resolveUserFromAuth(deps, withGroups('ivy', ['ops', 'sales']));
        assert.equal(await store.getAccountSerial(account.id), serial + 1, 'the same groups again change nothing');
        assert.deepEqual(deps.published, []);
      });
    }
  });
}

async function setSettings(store: Store, accountId: string, patch: Partial<AccountSettings>): Promise<void> {
  const account = await store.repos.accounts.get(accountId);
  assert.ok(account);
  await store.repos.accounts.updateSettings(accountId, { ...account.settings, ...patch });
}

async function groupNamed(store: Store, accountId: string, name: string, issued: Group['issued']): Promise<Group> {
  const g = (await store.repos.groups.list(accountId)).find((x) => x.name === name && x.issued === issued);
  assert.ok(g, `group ${name} (${issued})`);
  return g;
}

/** A migrated store of its own: a temp-dir SQLite file, or a private PostgreSQL schema. */
async function openEmptyStore(engine: 'sqlite' | 'postgres', cleanups: (() => Promise<void>)[]): Promise<Store> {
  if (engine === 'postgres') {
    const pg = await openPostgresTestStore('ssoprov');
    cleanups.push(async () => {
      await pg.store.close();
      await pg.drop();
    });
    await pg.store.migrate();
    return pg.store;
  }
  const dir = mkdtempSync(join(tmpdir(), 'roost-ssoprov-'));
  const store = await openStore({ engine: 'sqlite', file: join(dir, 'store.db') });
  cleanups.push(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  await store.migrate();
  return store;
}
