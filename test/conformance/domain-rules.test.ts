/**
 * Business rules of the admin-facing services (SEMANTICS.md §1) on each engine: group
 * protection and references, setup-key issuance, policy fix-ups, posture-check links, and the
 * validation errors of routes, nameservers, DNS settings and users.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { hashSetupKey } from '../../src/domain/setup-keys/setup-key-secret.js';
import type { Store } from '../../src/store/index.js';
import { domainCtx } from './domain-fixtures.js';
import { storeEngines } from './store-engines.js';
import { peerRow } from './store-fixtures.js';

const ENGINES = await storeEngines('rules');
const rule = (g: string) => ({ name: 'r', enabled: true, action: 'accept' as const, sources: [g], destinations: [g], bidirectional: false, protocol: 'tcp' as const });

for (const engine of ENGINES) {
  describe(`domain rules on ${engine.name}`, { skip: engine.skip }, () => {
    let store: Store;
    before(async () => {
      store = await engine.open();
    });
    after(() => engine.cleanup());

    test('groups: All is protected, API names are unique, members must exist', async () => {
      const ctx = await domainCtx(store);
      const g = ctx.svc.groups;
      await assert.rejects(g.delete(ctx.accountId, ctx.seeded.allGroupId), { kind: 'PreconditionFailed' });
      await assert.rejects(g.update(ctx.accountId, ctx.seeded.allGroupId, { name: 'Everyone' }), { kind: 'InvalidArgument' });
      await assert.rejects(g.create(ctx.accountId, { name: 'All' }), { kind: 'AlreadyExists' });
      const dev = await g.create(ctx.accountId, { name: 'dev' });
      await assert.rejects(g.create(ctx.accountId, { name: 'dev' }), { kind: 'AlreadyExists' });
      await assert.rejects(g.create(ctx.accountId, { name: 'ops', peers: ['ghost'] }), { kind: 'InvalidArgument' });
      await assert.rejects(g.create(ctx.accountId, { name: ' ' }), { kind: 'InvalidArgument' });
      await assert.rejects(g.get('other', dev.id), { kind: 'NotFound' });
      const peer = await ctx.registerPeer('m');
      assert.deepEqual((await g.update(ctx.accountId, dev.id, { name: 'devs', peers: [peer.id, peer.id] })).peers, [peer.id]);
      assert.deepEqual((await g.update(ctx.accountId, dev.id, { name: 'devs2' })).peers, [peer.id], 'absent peers keep members');
    });

    test('groups: deletion is refused while anything refers to the group', async () => {
      const ctx = await domainCtx(store);
      const s = ctx.svc;
      const peer = await ctx.registerPeer('r');
      const referrers: [string, (gid: string) => Promise<() => Promise<unknown>>][] = [
        ['policy', async (gid) => { const p = await s.policies.create(ctx.accountId, { name: 'p', enabled: true, rules: [rule(gid)] }); return () => s.policies.delete(ctx.accountId, p.id); }],
        ['route', async (gid) => { const r = await s.routes.create(ctx.accountId, { netId: 'n', network: '10.1.0.0/16', peer: peer.id, metric: 1, masquerade: false, enabled: true, groups: [gid] }); return () => s.routes.delete(ctx.accountId, r.id); }],
        ['nameserver group', async (gid) => { const n = await s.nameServerGroups.create(ctx.accountId, { name: 'ns', nameServers: [{ ip: '9.9.9.9', nsType: 1, port: 53 }], groups: [gid], primary: true, domains: [], searchDomainsEnabled: false, enabled: true }); return () => s.nameServerGroups.delete(ctx.accountId, n.id); }],
        ['setup key', async (gid) => { const k = await s.setupKeys.create(ctx.accountId, { name: 'k', type: 'reusable', expiresIn: 0, usageLimit: 0, autoGroups: [gid], ephemeral: false, allowExtraDnsLabels: false }); return () => s.setupKeys.delete(ctx.accountId, k.key.id); }],
        ['user', async (gid) => { const u = await s.users.create(ctx.accountId, { name: 'u', email: '', role: 'user', autoGroups: [gid], isServiceUser: false }); return () => s.users.delete(ctx.accountId, u.id); }],
        ['DNS settings', async (gid) => { await s.dnsSettings.update(ctx.accountId, { disabledManagementGroups: [gid] }); return () => s.dnsSettings.update(ctx.accountId, { disabledManagementGroups: [] }); }],
      ];
      for (const [name, attach] of referrers) {
        const group = await s.groups.create(ctx.accountId, { name: `g-${name}` });
        const detach = await attach(group.id);
        await assert.rejects(s.groups.delete(ctx.accountId, group.id), { kind: 'PreconditionFailed' }, name);
        await detach();
        await s.groups.delete(ctx.accountId, group.id);
      }
    });

    test('setup keys: plain key once, hash stored, one-off limit 1, no un-revoke, no All', async () => {
      const ctx = await domainCtx(store);
      const sk = ctx.svc.setupKeys;
      const { key, plainKey } = await sk.create(ctx.accountId, { name: 'once', type: 'one-off', expiresIn: 3600, usageLimit: 9, autoGroups: [], ephemeral: true, allowExtraDnsLabels: false });
      assert.match(plainKey, /^[0-9A-F]{8}-[0-9A-F]{4}-4[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$/);
      assert.deepEqual([key.keyHash, key.keySecret, key.usageLimit, key.expiresAt], [hashSetupKey(plainKey), `${plainKey.slice(0, 5)}****`, 1, ctx.deps.clock.now() + 3_600_000]);
      assert.ok(!JSON.stringify(await sk.list(ctx.accountId)).includes(plainKey), 'the plain key is never stored');
      await sk.update(ctx.accountId, key.id, { autoGroups: [], revoked: true });
      await assert.rejects(sk.update(ctx.accountId, key.id, { autoGroups: [], revoked: false }), { kind: 'PreconditionFailed' });
      const base = { name: 'k', type: 'reusable' as const, expiresIn: 0, usageLimit: 0, autoGroups: [] as string[], ephemeral: false, allowExtraDnsLabels: false };
      await assert.rejects(sk.create(ctx.accountId, { ...base, autoGroups: [ctx.seeded.allGroupId] }), { kind: 'InvalidArgument' });
      await assert.rejects(sk.create(ctx.accountId, { ...base, autoGroups: ['ghost'] }), { kind: 'InvalidArgument' });
      await assert.rejects(sk.create(ctx.accountId, { ...base, expiresIn: -1 }), { kind: 'InvalidArgument' });
      await assert.rejects(sk.create(ctx.accountId, { ...base, usageLimit: 1.5 }), { kind: 'InvalidArgument' });
      assert.equal((await sk.create(ctx.accountId, base)).key.expiresAt, null);
    });

    test('policies: legacy protocol fix-up, rule IDs, references', async () => {
      const ctx = await domainCtx(store);
      const all = ctx.seeded.allGroupId;
      const p = await ctx.svc.policies.create(ctx.accountId, { name: 'legacy', enabled: true, rules: [{ ...rule(all), protocol: '', bidirectional: false }] });
      assert.deepEqual([p.rules[0]?.protocol, p.rules[0]?.bidirectional, p.rules[0]?.policyId], ['all', true, p.id]);
      const kept = await ctx.svc.policies.update(ctx.accountId, p.id, { name: 'legacy', enabled: false, rules: [{ ...rule(all), id: p.rules[0]!.id }, { ...rule(all), id: 'made-up' }] });
      assert.equal(kept.rules[0]?.id, p.rules[0]?.id);
      assert.notEqual(kept.rules[1]?.id, 'made-up');
      assert.deepEqual(await ctx.svc.policies.get(ctx.accountId, p.id), kept);
      await assert.rejects(ctx.svc.policies.create(ctx.accountId, { name: 'x', enabled: true, rules: [rule('ghost')] }), { kind: 'InvalidArgument' });
      await assert.rejects(ctx.svc.policies.create(ctx.accountId, { name: 'x', enabled: true, rules: [] }), { kind: 'InvalidArgument' });
      await assert.rejects(ctx.svc.policies.create(ctx.accountId, { name: 'x', enabled: true, sourcePostureChecks: ['ghost'], rules: [rule(all)] }), { kind: 'InvalidArgument' });
    });

    test('posture checks: unique names, deletion refused while a policy uses them', async () => {
      const ctx = await domainCtx(store);
      const pc = ctx.svc.postureChecks;
      const check = await pc.create(ctx.accountId, { name: 'ver', checks: { nbVersionCheck: { minVersion: '0.30.0' } } });
      await assert.rejects(pc.create(ctx.accountId, { name: 'ver', checks: { nbVersionCheck: { minVersion: '0.1.0' } } }), { kind: 'AlreadyExists' });
      await assert.rejects(pc.create(ctx.accountId, { name: 'empty', checks: {} }), { kind: 'InvalidArgument' });
      const policy = await ctx.svc.policies.create(ctx.accountId, { name: 'p', enabled: true, sourcePostureChecks: [check.id], rules: [rule(ctx.seeded.allGroupId)] });
      await assert.rejects(pc.delete(ctx.accountId, check.id), { kind: 'PreconditionFailed' });
      await ctx.svc.policies.delete(ctx.accountId, policy.id);
      await pc.delete(ctx.accountId, check.id);
      await assert.rejects(pc.get(ctx.accountId, check.id), { kind: 'NotFound' });
    });

    test('routes, nameservers and DNS settings validate against the account', async () => {
      const ctx = await domainCtx(store);
      const all = ctx.seeded.allGroupId;
      const route = { netId: 'n', network: '10.1.0.0/16', peer: 'ghost', metric: 1, masquerade: false, enabled: true, groups: [all] };
      await assert.rejects(ctx.svc.routes.create(ctx.accountId, route), { kind: 'InvalidArgument' });
      await assert.rejects(ctx.svc.routes.create(ctx.accountId, { ...route, peer: '', peerGroups: ['ghost'] }), { kind: 'InvalidArgument' });
      const viaGroup = await ctx.svc.routes.create(ctx.accountId, { ...route, peer: '', peerGroups: [all], network: '', domains: ['example.org'] });
      assert.deepEqual([viaGroup.networkType, viaGroup.network], [3, '192.0.2.0/32']);
      const ns = { name: 'ns', nameServers: [{ ip: '9.9.9.9', nsType: 1, port: 53 }], groups: [all], primary: true, domains: [], searchDomainsEnabled: false, enabled: true };
      await ctx.svc.nameServerGroups.create(ctx.accountId, ns);
      await assert.rejects(ctx.svc.nameServerGroups.create(ctx.accountId, ns), { kind: 'AlreadyExists' });
      await assert.rejects(ctx.svc.nameServerGroups.create(ctx.accountId, { ...ns, name: 'ns2', groups: ['ghost'] }), { kind: 'InvalidArgument' });
      await assert.rejects(ctx.svc.dnsSettings.update(ctx.accountId, { disabledManagementGroups: ['ghost'] }), { kind: 'InvalidArgument' });
      assert.deepEqual(await ctx.svc.dnsSettings.get(ctx.accountId), { disabledManagementGroups: [] });
    });

    test('users: the owner is protected; deleting a user removes the peers it enrolled', async () => {
      const ctx = await domainCtx(store);
      const u = ctx.svc.users;
      await assert.rejects(u.update(ctx.accountId, ctx.seeded.ownerId, { blocked: true }), { kind: 'PermissionDenied' });
      await assert.rejects(u.update(ctx.accountId, ctx.seeded.ownerId, { role: 'admin' }), { kind: 'PermissionDenied' });
      await assert.rejects(u.delete(ctx.accountId, ctx.seeded.ownerId), { kind: 'PermissionDenied' });
      await assert.rejects(u.create(ctx.accountId, { name: 'x', email: '', role: 'owner', autoGroups: [], isServiceUser: false }), { kind: 'PermissionDenied' });
      const bob = await u.create(ctx.accountId, { name: 'bob', email: 'bob@example.com', role: 'user', autoGroups: [], isServiceUser: false });
      const owned = peerRow(ctx.accountId, { userId: bob.id });
      await store.repos.peers.insert(owned);
      await u.delete(ctx.accountId, bob.id);
      assert.equal(await store.findPeerByKey(owned.key), undefined);
      assert.deepEqual(ctx.published().at(-1)?.deletedPeers, [{ id: owned.id, key: owned.key }]);
      await assert.rejects(u.get(ctx.accountId, bob.id), { kind: 'NotFound' });
    });
  });
}
