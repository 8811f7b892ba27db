/**
 * The store conformance suite, written once and run on every engine: repository round-trips,
 * hot-path reads, transactions, unique rules, and identical snapshots across engines.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Store } from '../../src/store/index.js';
import { isUniqueViolation } from '../../src/domain/ports/unique-violation.js';
import type { AccountSnapshot } from '../../src/domain/model.js';
import { storeEngines } from './store-engines.js';
import { fullAccount, insertFullAccount } from './full-account-fixture.js';
import { peerRow, seedAccount, testDeps } from './store-fixtures.js';

const ENGINES = await storeEngines('store');
/** Snapshots of the same fixture, per engine, compared after the per-engine suites. */
const snapshots = new Map<string, AccountSnapshot>();

for (const engine of ENGINES) {
  describe(`store on ${engine.name}`, { skip: engine.skip }, () => {
    let store: Store;
    before(async () => {
      store = await engine.open();
    });
    after(() => engine.cleanup());

    test('migrate is idempotent', async () => {
      await store.migrate();
      await store.migrate();
      assert.equal(store.engine, engine.name);
    });

    test('a full account round-trips through the repositories and the snapshot', async () => {
      const f = fullAccount('rt');
      await store.withTx((tx) => insertFullAccount(tx, f));
      const snap = await store.loadAccountSnapshot(f.snapshot.account.id);
      assert.deepEqual(snap, f.snapshot);
      assert.equal(typeof snap.account.createdAt, 'number');
      assert.deepEqual(await store.repos.setupKeys.get(f.setupKey.accountId, f.setupKey.id), f.setupKey);
      assert.deepEqual(await store.repos.setupKeys.findByHash(f.setupKey.keyHash), f.setupKey);
      assert.deepEqual(await store.repos.tokens.findByHash(f.token.hashedToken), f.token);
      assert.deepEqual(await store.repos.tokens.listByUser(f.token.userId), [f.token]);
      snapshots.set(engine.name, snap);
    });

    test('hot-path reads', async () => {
      const f = fullAccount('hot');
      await store.withTx((tx) => insertFullAccount(tx, f));
      const peer = f.snapshot.peers[0]!;
      assert.deepEqual(await store.findPeerByKey(peer.key), peer);
      assert.equal(await store.findPeerByKey('unknown'), undefined);
      assert.equal(await store.getAccountSerial(f.snapshot.account.id), 7);
      assert.equal(await store.getAccountSerial('nope'), undefined);
      assert.deepEqual(await store.getAccount(f.snapshot.account.id), f.snapshot.account);
      assert.equal(await store.getAccount('nope'), undefined);
      await assert.rejects(store.loadAccountSnapshot('nope'), { kind: 'NotFound' });
    });

    test('listIds names every account, oldest first', async () => {
      const before = await store.repos.accounts.listIds();
      const f = fullAccount('ids');
      await store.withTx((tx) => insertFullAccount(tx, f));
      const ids = await store.repos.accounts.listIds();
      assert.deepEqual(ids.filter((id) => !before.includes(id)), [f.snapshot.account.id]);
      assert.equal(ids.length, new Set(ids).size);
      assert.equal((await store.repos.accounts.first())?.id, ids[0]);
    });

    test('updates and deletes of every aggregate', async () => {
      const f = fullAccount('upd');
      const acc = f.snapshot.account.id;
      await store.withTx((tx) => insertFullAccount(tx, f));
      const r = store.repos;
      const peer = { ...f.snapshot.peers[0]!, name: 'renamed', meta: { ...f.snapshot.peers[0]!.meta, hostname: 'h2' } };
      await r.peers.update(peer);
      assert.deepEqual(await r.peers.get(acc, peer.id), peer);
      const policy = { ...f.snapshot.policies[0]!, enabled: false, rules: [f.snapshot.policies[0]!.rules[1]!] };
      await r.policies.update(policy);
      assert.deepEqual(await r.policies.get(acc, policy.id), policy);
      const group = { ...f.snapshot.groups[1]!, name: 'devs', peers: [f.snapshot.peers[1]!.id] };
      await r.groups.update(group);
      assert.deepEqual(await r.groups.get(acc, group.id), group);
      const route = { ...f.snapshot.routes[0]!, metric: 5 };
      await r.routes.update(route);
      assert.deepEqual(await r.routes.get(acc, route.id), route);
      const user = { ...f.snapshot.users[1]!, blocked: false, autoGroups: [] };
      await r.users.update(user);
      assert.deepEqual(await r.users.get(user.id), user);
      await r.accounts.updateSettings(acc, { ...f.snapshot.account.settings, lazyConnectionEnabled: true });
      await r.accounts.updateDnsSettings(acc, { disabledManagementGroups: [] });
      await r.accounts.updateNetworkNet(acc, '100.71.0.0/16');
      const account = await r.accounts.get(acc);
      assert.equal(account?.settings.lazyConnectionEnabled, true);
      assert.deepEqual(account?.dnsSettings, { disabledManagementGroups: [] });
      assert.equal(account?.network.net, '100.71.0.0/16');

      await r.policies.delete(acc, policy.id);
      await r.routes.delete(acc, route.id);
      await r.nameServerGroups.delete(acc, f.snapshot.nameServerGroups[0]!.id);
      await r.postureChecks.delete(acc, f.snapshot.postureChecks[0]!.id);
      await r.setupKeys.delete(acc, f.setupKey.id);
      await r.users.delete(acc, f.token.userId);
      await r.groups.delete(acc, group.id);
      await r.peers.delete(acc, peer.id);
      const snap = await store.loadAccountSnapshot(acc);
      assert.deepEqual([snap.policies.length, snap.routes.length, snap.nameServerGroups.length, snap.postureChecks.length], [0, 1, 0, 0]);
      assert.deepEqual(snap.users.map((u) => u.id), [user.id]);
      assert.deepEqual(snap.groups.map((g) => g.id), [f.snapshot.groups[0]!.id]);
      assert.deepEqual(snap.peers.map((p) => p.id), [f.snapshot.peers[1]!.id]);
      assert.equal(await r.tokens.findByHash(f.token.hashedToken), undefined, 'tokens go with their user');
    });

    test('group membership helpers', async () => {
      const deps = testDeps(store);
      const { account, allGroupId } = await seedAccount(deps);
      const p = peerRow(account.id);
      await store.repos.peers.insert(p);
      await store.repos.groups.addPeer(account.id, allGroupId, p.id);
      await store.repos.groups.addPeer(account.id, allGroupId, p.id); // idempotent
      assert.deepEqual(await store.repos.groups.groupIdsOfPeer(account.id, p.id), [allGroupId]);
      assert.deepEqual((await store.repos.groups.findByName(account.id, 'All'))?.peers, [p.id]);
      await store.repos.groups.removePeerFromAll(account.id, p.id);
      assert.deepEqual(await store.repos.groups.groupIdsOfPeer(account.id, p.id), []);
      assert.equal(await store.repos.peers.dnsLabelTaken(account.id, p.dnsLabel), true);
      assert.equal(await store.repos.peers.dnsLabelTaken(account.id, 'free-label'), false);
    });

    test('serial increments and setup-key usage are atomic updates', async () => {
      const f = fullAccount('inc');
      await store.withTx((tx) => insertFullAccount(tx, f));
      const acc = f.snapshot.account.id;
      assert.equal(await store.repos.accounts.incrementSerial(acc), 8);
      assert.equal(await store.repos.accounts.incrementSerial(acc), 9);
      await assert.rejects(store.repos.accounts.incrementSerial('nope'), { kind: 'NotFound' });
      await store.repos.setupKeys.recordUsage(f.setupKey.id, 42);
      const key = await store.withTx((tx) => tx.setupKeys.getForUpdate(f.setupKey.id));
      assert.deepEqual([key?.usedTimes, key?.lastUsed], [4, 42]);
    });

    test('connection compare-and-set writes only over the expected lastSeen', async () => {
      const deps = testDeps(store);
      const { account } = await seedAccount(deps);
      const p = peerRow(account.id, { lastSeen: 100 });
      await store.repos.peers.insert(p);
      assert.equal(await store.repos.peers.setConnection(p.id, 99, { connected: true, lastSeen: 200, connectionIp: '1.2.3.4' }), false);
      assert.equal(await store.repos.peers.setConnection(p.id, 100, { connected: true, lastSeen: 200, connectionIp: '1.2.3.4' }), true);
      const stored = await store.findPeerByKey(p.key);
      assert.deepEqual([stored?.connected, stored?.lastSeen, stored?.connectionIp], [true, 200, '1.2.3.4']);
      assert.deepEqual(await store.repos.peers.connectionByKey(p.key), { id: p.id, connected: true, lastSeen: 200, connectionIp: '1.2.3.4' });
      assert.equal(await store.repos.peers.connectionByKey('no-such-key'), undefined);
    });

    test('a throwing transaction rolls everything back', async () => {
      const deps = testDeps(store);
      const { account } = await seedAccount(deps);
      const p = peerRow(account.id);
      await assert.rejects(
        store.withTx(async (tx) => {
          await tx.peers.insert(p);
          await tx.accounts.incrementSerial(account.id);
          throw new Error('boom');
        }),
        /boom/,
      );
      assert.equal(await store.findPeerByKey(p.key), undefined);
      assert.equal(await store.getAccountSerial(account.id), 0);
      const ok = await store.withTx(async (tx) => {
        await tx.peers.insert(p);
        return tx.accounts.incrementSerial(account.id);
      });
      assert.equal(ok, 1);
      assert.deepEqual(await store.findPeerByKey(p.key), p);
    });

    test('unique rules surface as UniqueViolation naming the rule', async () => {
      const deps = testDeps(store);
      const { account } = await seedAccount(deps);
      const p = peerRow(account.id);
      await store.repos.peers.insert(p);
      const cases = [
        { name: 'same key', row: peerRow(account.id, { key: p.key }), target: 'peer-key' },
        { name: 'same IP in the account', row: peerRow(account.id, { ip: p.ip }), target: 'peer-ip' },
        { name: 'same DNS label in the account', row: peerRow(account.id, { dnsLabel: p.dnsLabel }), target: 'peer-dns-label' },
        { name: 'same ID', row: peerRow(account.id, { id: p.id }), target: 'primary-key' },
      ] as const;
      for (const c of cases) {
        await assert.rejects(store.repos.peers.insert(c.row), (err) => isUniqueViolation(err, c.target), c.name);
        await assert.rejects(store.withTx((tx) => tx.peers.insert(c.row)), (err) => isUniqueViolation(err, c.target), `${c.name} in a tx`);
      }
      const other = await seedAccount(deps);
      await store.repos.peers.insert(peerRow(other.account.id, { ip: p.ip, dnsLabel: p.dnsLabel }));
      const f = fullAccount('uq');
      await store.withTx((tx) => insertFullAccount(tx, f));
      await assert.rejects(store.repos.setupKeys.insert({ ...f.setupKey, id: 'uq-sk2' }), (e) => isUniqueViolation(e, 'setup-key-hash'));
      await assert.rejects(store.repos.tokens.insert({ ...f.token, id: 'uq-pat2' }), (e) => isUniqueViolation(e, 'token-hash'));
    });
  });
}

test('both engines return identical snapshots', { skip: ENGINES.some((e) => e.skip) && 'an engine is unavailable' }, () => {
  assert.equal(snapshots.size, 2, 'both round-trip tests ran');
  assert.deepEqual(snapshots.get('sqlite'), snapshots.get('postgres'));
});
