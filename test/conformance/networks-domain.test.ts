/**
 * The Networks domain rules on every engine: each resource and router change is published for
 * the peers reaching the network only (routing peers and the sources of policies aimed at its
 * resources, before and after), network create/rename bump nothing, a network delete takes its
 * resources and routers along, and refused writes store nothing.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Store } from '../../src/store/index.js';
import { domainCtx } from './domain-fixtures.js';
import { storeEngines } from './store-engines.js';

const ENGINES = await storeEngines('netdomain');

for (const engine of ENGINES) {
  describe(`networks domain on ${engine.name}`, { skip: engine.skip }, () => {
    let store: Store;
    before(async () => {
      store = await engine.open();
    });
    after(() => engine.cleanup());

    test('changes are published for the peers reaching the network only', async () => {
      const ctx = await domainCtx(store);
      const [client, router, bystander] = [await ctx.registerPeer('client'), await ctx.registerPeer('router'), await ctx.registerPeer('bystander')];
      const devs = await ctx.svc.groups.create(ctx.accountId, { name: 'devs', peers: [client.id] });
      const dst = await ctx.svc.groups.create(ctx.accountId, { name: 'dst' });
      const serial = await ctx.serial();
      const net = await ctx.svc.networks.create(ctx.accountId, { name: 'office' });
      await ctx.svc.networks.update(ctx.accountId, net.id, { name: 'hq', description: 'renamed' });
      assert.equal(await ctx.serial(), serial, 'create and rename change no map');

      const seen = ctx.published().length;
      const lastPeers = () => ctx.published().at(-1)!.peers;
      const res = await ctx.svc.networkResources.create(ctx.accountId, net.id, { name: 'db', address: '10.5.0.0/16', enabled: true, groups: [dst.id] });
      assert.deepEqual(lastPeers(), [], 'no router and no policy yet: nobody');
      const rtr = await ctx.svc.networkRouters.create(ctx.accountId, net.id, { peer: router.id, masquerade: true, metric: 10, enabled: true });
      assert.deepEqual(lastPeers(), [router.id]);
      await ctx.svc.policies.create(ctx.accountId, {
        name: 'p', enabled: true, rules: [{ name: 'r', enabled: true, action: 'accept', bidirectional: false, protocol: 'all', sources: [devs.id], destinations: [dst.id] }],
      });
      await ctx.svc.networkResources.update(ctx.accountId, net.id, res.id, { name: 'db', address: 'db.example.com', enabled: true, groups: [dst.id] });
      assert.deepEqual(lastPeers(), [client.id, router.id].sort());
      await ctx.svc.networkRouters.update(ctx.accountId, net.id, rtr.id, { peer: bystander.id, masquerade: false, metric: 20, enabled: true });
      assert.deepEqual(lastPeers(), [client.id, router.id, bystander.id].sort(), 'old and new routing peers');
      assert.equal(ctx.published().length - seen, 5, 'one publication per committed change');

      await ctx.svc.networks.delete(ctx.accountId, net.id);
      assert.deepEqual(lastPeers(), [client.id, bystander.id].sort());
      assert.deepEqual([await store.repos.networkResources.list(ctx.accountId), await store.repos.networkRouters.list(ctx.accountId)], [[], []]);
    });

    test('refused writes store nothing and bump nothing', async () => {
      const ctx = await domainCtx(store);
      const net = await ctx.svc.networks.create(ctx.accountId, { name: 'n' });
      await ctx.svc.networkResources.create(ctx.accountId, net.id, { name: 'taken', address: '10.0.0.1', enabled: true, groups: [] });
      const serial = await ctx.serial();
      const kinds: [string, () => Promise<unknown>, string][] = [
        ['bad address', () => ctx.svc.networkResources.create(ctx.accountId, net.id, { name: 'x', address: '300.0.0.1', enabled: true, groups: [] }), 'InvalidArgument'],
        ['duplicate name', () => ctx.svc.networkResources.create(ctx.accountId, net.id, { name: 'taken', address: '10.0.0.2', enabled: true, groups: [] }), 'AlreadyExists'],
        ['unknown group', () => ctx.svc.networkResources.create(ctx.accountId, net.id, { name: 'y', address: '10.0.0.3', enabled: true, groups: ['nope'] }), 'InvalidArgument'],
        ['unknown network', () => ctx.svc.networkRouters.create(ctx.accountId, 'nope', { peer: 'x', masquerade: false, metric: 1, enabled: true }), 'NotFound'],
        ['unknown peer', () => ctx.svc.networkRouters.create(ctx.accountId, net.id, { peer: 'nope', masquerade: false, metric: 1, enabled: true }), 'InvalidArgument'],
        ['metric', () => ctx.svc.networkRouters.create(ctx.accountId, net.id, { peerGroups: [ctx.seeded.allGroupId], masquerade: false, metric: 10_000, enabled: true }), 'InvalidArgument'],
        ['empty name', () => ctx.svc.networks.create(ctx.accountId, { name: ' ' }), 'InvalidArgument'],
      ];
      for (const [name, act, kind] of kinds) await assert.rejects(act(), { kind }, name);
      assert.equal(await ctx.serial(), serial);
      assert.equal((await store.repos.networkResources.list(ctx.accountId)).length, 1);
      assert.deepEqual(await store.repos.networkRouters.list(ctx.accountId), []);
    });
    test('a policy naming a deleted resource can still be updated; a new one cannot name it', async () => {
      const ctx = await domainCtx(store);
      const net = await ctx.svc.networks.create(ctx.accountId, { name: 'n' });
      const res = await ctx.svc.networkResources.create(ctx.accountId, net.id, { name: 'gone', address: '10.9.9.9', enabled: true, groups: [] });
      const rule = { name: 'r', enabled: true, action: 'accept' as const, bidirectional: false, protocol: 'all' as const, sources: [ctx.seeded.allGroupId], destinationResource: { id: res.id, type: 'host' as const } };
      const policy = await ctx.svc.policies.create(ctx.accountId, { name: 'p', enabled: true, rules: [rule] });
      await ctx.svc.networkResources.delete(ctx.accountId, net.id, res.id);
      const updated = await ctx.svc.policies.update(ctx.accountId, policy.id, { name: 'p2', enabled: false, rules: [rule] });
      assert.equal(updated.name, 'p2');
      await assert.rejects(ctx.svc.policies.create(ctx.accountId, { name: 'p3', enabled: true, rules: [rule] }), { kind: 'InvalidArgument' });
    });
  });
}
