/**
 * The Networks feature's repositories (migration 0008) on every engine: round-trips of
 * networks, resources (host, IPv6 subnet, wildcard domain, group lists) and routers (peer or
 * peer groups), updates, deletes, and account scoping.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Store } from '../../src/store/index.js';
import { storeEngines } from './store-engines.js';
import { fullAccount, insertFullAccount } from './full-account-fixture.js';

const ENGINES = await storeEngines('networks');

for (const engine of ENGINES) {
  describe(`network repositories on ${engine.name}`, { skip: engine.skip }, () => {
    let store: Store;
    before(async () => {
      store = await engine.open();
    });
    after(() => engine.cleanup());

    test('networks, resources and routers round-trip and are listed by account, sorted by ID', async () => {
      const f = fullAccount('nrt');
      const other = fullAccount('nrx');
      await store.withTx((tx) => insertFullAccount(tx, f));
      await store.withTx((tx) => insertFullAccount(tx, other));
      const acc = f.snapshot.account.id;
      const r = store.repos;
      assert.deepEqual(await r.networks.list(acc), f.snapshot.networks);
      assert.deepEqual(await r.networkResources.list(acc), f.snapshot.networkResources);
      assert.deepEqual(await r.networkRouters.list(acc), f.snapshot.networkRouters);
      const res = f.snapshot.networkResources![1]!;
      assert.deepEqual(await r.networkResources.get(acc, res.id), res);
      assert.equal(await r.networkResources.get(other.snapshot.account.id, res.id), undefined);
      const snap = await store.loadAccountSnapshot(acc);
      assert.deepEqual([snap.networks?.length, snap.networkResources?.length, snap.networkRouters?.length], [2, 3, 2]);
    });

    test('updates overwrite every field; deletes remove only the named row of the account', async () => {
      const f = fullAccount('nup');
      await store.withTx((tx) => insertFullAccount(tx, f));
      const acc = f.snapshot.account.id;
      const r = store.repos;
      const net = { ...f.snapshot.networks![0]!, name: 'renamed', description: 'new' };
      await r.networks.update(net);
      assert.deepEqual(await r.networks.get(acc, net.id), net);
      const res = { ...f.snapshot.networkResources![0]!, type: 'subnet' as const, prefix: '10.1.0.0/16', domain: '', enabled: true, groups: ['g1', 'g2'] };
      await r.networkResources.update(res);
      assert.deepEqual(await r.networkResources.get(acc, res.id), res);
      const router = { ...f.snapshot.networkRouters![1]!, peer: 'p1', peerGroups: [], metric: 1, masquerade: true, enabled: true };
      await r.networkRouters.update(router);
      assert.deepEqual(await r.networkRouters.get(acc, router.id), router);
      await r.networkRouters.delete('another-account', router.id);
      assert.notEqual(await r.networkRouters.get(acc, router.id), undefined);
      await r.networkRouters.delete(acc, router.id);
      assert.equal(await r.networkRouters.get(acc, router.id), undefined);
      await r.networks.delete(acc, net.id);
      assert.deepEqual((await r.networks.list(acc)).map((n) => n.id), [f.snapshot.networks![1]!.id]);
    });

    test('a rolled-back transaction leaves no network rows', async () => {
      const f = fullAccount('nrb');
      await store.withTx((tx) => insertFullAccount(tx, f));
      const acc = f.snapshot.account.id;
      await assert.rejects(
        store.withTx(async (tx) => {
          await tx.networks.insert({ id: 'nrb-extra', accountId: acc, name: 'x', description: '' });
          throw new Error('boom');
        }),
        /boom/,
      );
      assert.equal(await store.repos.networks.get(acc, 'nrb-extra'), undefined);
    });
  });
}
