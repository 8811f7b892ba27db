/**
 * `roost init`'s domain part on each engine: the default account is made once, and personal
 * access tokens issued for its owner authenticate (and stop doing so when they should).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_POLICY_DESCRIPTION } from '../../src/domain/accounts/default-policy.js';
import { createDomainServices, type DomainServices } from '../../src/domain/create-domain-services.js';
import type { Store } from '../../src/store/index.js';
import { generatePlainToken } from '../../src/domain/users/personal-access-token-format.js';
import { storeEngines } from './store-engines.js';
import { testDeps, type TestDeps } from './store-fixtures.js';

const ENGINES = await storeEngines('accounts');

for (const engine of ENGINES) {
  describe(`accounts and tokens on ${engine.name}`, { skip: engine.skip }, () => {
    let store: Store;
    let deps: TestDeps;
    let svc: DomainServices;
    before(async () => {
      store = await engine.open();
      deps = testDeps(store);
      svc = createDomainServices(deps);
    });
    after(() => engine.cleanup());

    test('ensureDefaultAccount creates one account, then returns it', async () => {
      const first = await svc.ensureDefaultAccount();
      const second = await svc.ensureDefaultAccount({ now: deps.clock.now() + 1000 });
      assert.equal(first.created, true);
      assert.equal(second.created, false);
      assert.deepEqual(second.account, first.account);
      assert.deepEqual(second.owner, first.owner);

      const snap = await store.loadAccountSnapshot(first.account.id);
      assert.match(snap.account.network.net, /^100\.(6[4-9]|[7-9][0-9]|1[01][0-9]|12[0-7])\.0\.0\/16$/);
      assert.equal(snap.account.network.serial, 0);
      assert.equal(snap.account.createdBy, first.owner.id);
      assert.deepEqual(snap.users.map((u) => [u.role, u.issued]), [['owner', 'api']]);
      assert.deepEqual(snap.groups.map((g) => [g.name, g.issued, g.peers.length]), [['All', 'api', 0]]);
      const [policy] = snap.policies;
      const all = snap.groups[0]!.id;
      assert.equal(snap.policies.length, 1);
      assert.deepEqual(
        { name: policy?.name, description: policy?.description, enabled: policy?.enabled, ruleCount: policy?.rules.length },
        { name: 'Default', description: DEFAULT_POLICY_DESCRIPTION, enabled: true, ruleCount: 1 },
      );
      const rule = policy!.rules[0]!;
      assert.deepEqual(
        [rule.id, rule.name, rule.sources, rule.destinations, rule.bidirectional, rule.protocol, rule.action],
        [policy!.id, 'Default', [all], [all], true, 'all', 'accept'],
      );
      assert.equal(snap.account.settings.peerLoginExpiration, 86_400);
      assert.deepEqual(deps.published, [], 'bootstrap publishes nothing');
    });

    test('two tokens for the owner both authenticate; lastUsed is recorded', async () => {
      const { owner, account } = await svc.ensureDefaultAccount();
      const t1 = await svc.tokens.create(account.id, owner.id, { name: 'init', expiresInDays: 30 });
      const t2 = await svc.tokens.create(account.id, owner.id, { name: 'ci', expiresInDays: 1 });
      assert.notEqual(t1.plainToken, t2.plainToken);
      for (const t of [t1, t2]) {
        assert.match(t.plainToken, /^nbp_[0-9A-Za-z]{36}$/);
        assert.notEqual(t.token.hashedToken, t.plainToken);
        const auth = await svc.tokens.authenticate(t.plainToken);
        assert.deepEqual([auth.user.id, auth.account.id, auth.token.id], [owner.id, account.id, t.token.id]);
      }
      const listed = await svc.tokens.list(account.id, owner.id);
      assert.deepEqual(listed.map((t) => t.id).sort(), [t1.token.id, t2.token.id].sort());
      assert.ok(listed.every((t) => t.lastUsed === deps.clock.now()));
    });

    test('tokens are refused when malformed, unknown, expired or deleted', async () => {
      const { owner, account } = await svc.ensureDefaultAccount();
      const t = await svc.tokens.create(account.id, owner.id, { name: 'short', expiresInDays: 1 });
      const forged = `nbp_${'A'.repeat(30)}${t.plainToken.slice(34)}`;
      const unknownButValid = generatePlainToken({
        int: () => 0,
        bytes: (n) => new Uint8Array(n).fill(7),
      });
      for (const [name, plain] of [['garbage', 'hello'], ['bad checksum', forged], ['unknown', unknownButValid]] as const) {
        await assert.rejects(svc.tokens.authenticate(plain), { kind: 'Unauthenticated' }, name);
      }
      deps.clock.advance(86_400_000);
      await assert.rejects(svc.tokens.authenticate(t.plainToken), { kind: 'Unauthenticated' }, 'expired');
      const fresh = await svc.tokens.create(account.id, owner.id, { name: 'fresh', expiresInDays: 2 });
      await svc.tokens.delete(account.id, owner.id, fresh.token.id);
      await assert.rejects(svc.tokens.authenticate(fresh.plainToken), { kind: 'Unauthenticated' }, 'deleted');
      await assert.rejects(svc.tokens.create(account.id, owner.id, { name: 'x', expiresInDays: 0 }), { kind: 'InvalidArgument' });
      await assert.rejects(svc.tokens.create(account.id, owner.id, { name: '', expiresInDays: 5 }), { kind: 'InvalidArgument' });
      await assert.rejects(svc.tokens.list('other-account', owner.id), { kind: 'NotFound' });
    });

    test('a blocked user cannot authenticate', async () => {
      const { account } = await svc.ensureDefaultAccount();
      const bot = await svc.users.create(account.id, { name: 'bot', email: '', role: 'admin', autoGroups: [], isServiceUser: true });
      const t = await svc.tokens.create(account.id, bot.id, { name: 'bot', expiresInDays: 5 });
      await svc.tokens.authenticate(t.plainToken);
      await svc.users.update(account.id, bot.id, { blocked: true });
      await assert.rejects(svc.tokens.authenticate(t.plainToken), { kind: 'PermissionDenied' });
    });
  });
}
