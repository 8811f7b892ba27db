/**
 * Registration, login, meta sync, connection status and deletion of peers through the domain
 * against each engine — including the concurrency rule: a usage limit of 5 under 20
 * concurrent registrations admits exactly 5.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { isRoostError } from '../../src/domain/errors.js';
import { createPeerLifecycle } from '../../src/domain/peers/peer-service.js';
import type { SetupKeyInput } from '../../src/domain/setup-keys/setup-key-service.js';
import type { Store } from '../../src/store/index.js';
import { domainCtx, type DomainCtx } from './domain-fixtures.js';
import { storeEngines } from './store-engines.js';
import { meta, peerRow, wgKey } from './store-fixtures.js';

const ENGINES = await storeEngines('lifecycle');

const keyInput = (over: Partial<SetupKeyInput> = {}): SetupKeyInput => ({
  name: 'k', type: 'reusable', expiresIn: 0, usageLimit: 0, autoGroups: [], ephemeral: false, allowExtraDnsLabels: false, ...over,
});

async function newKey(ctx: DomainCtx, over: Partial<SetupKeyInput> = {}) {
  return ctx.svc.setupKeys.create(ctx.accountId, keyInput(over));
}

function register(ctx: DomainCtx, setupKey: string, over: { hostname?: string; key?: string; extraDnsLabels?: string[] } = {}) {
  return ctx.svc.peerLifecycle.registerPeer({
    setupKey, key: over.key ?? wgKey(), meta: meta({ hostname: over.hostname ?? 'host' }), sshKey: 'ssh-ed25519 AAAA', extraDnsLabels: over.extraDnsLabels ?? [],
  });
}

for (const engine of ENGINES) {
  describe(`peer lifecycle on ${engine.name}`, { skip: engine.skip }, () => {
    let store: Store;
    before(async () => {
      store = await engine.open();
    });
    after(() => engine.cleanup());

    test('a reusable key registers two peers; labels, IPs, groups and usage follow the rules', async () => {
      const ctx = await domainCtx(store);
      const dev = await ctx.svc.groups.create(ctx.accountId, { name: 'dev' });
      const { key, plainKey } = await newKey(ctx, { autoGroups: [dev.id], allowExtraDnsLabels: true });
      const base = await ctx.serial();
      const seen = ctx.published().length;
      const first = await register(ctx, plainKey, { extraDnsLabels: ['web'] });
      const second = await register(ctx, plainKey.toLowerCase());
      assert.equal(first.peer.dnsLabel, 'host');
      assert.match(second.peer.dnsLabel, /^host-\d+-\d+$/, 'a taken label is retried IP-suffixed');
      assert.equal(second.peer.dnsLabel, `host-${second.peer.ip.split('.')[2]}-${second.peer.ip.split('.')[3]}`);
      assert.notEqual(first.peer.ip, second.peer.ip);
      for (const { peer } of [first, second]) {
        assert.match(peer.ip, new RegExp(`^${ctx.seeded.account.network.net.split('.').slice(0, 2).join('\\.')}\\.`));
        assert.deepEqual(await ctx.svc.peers.groupIdsOf(ctx.accountId, peer.id), [ctx.seeded.allGroupId, dev.id].sort());
        assert.equal(peer.allowExtraDnsLabels, true);
        assert.equal(peer.name, 'host');
      }
      assert.deepEqual(first.peer.extraDnsLabels, ['web']);
      assert.equal(first.account.network.serial, base + 1);
      assert.equal(second.account.network.serial, base + 2);
      const stored = await ctx.svc.setupKeys.get(ctx.accountId, key.id);
      assert.deepEqual([stored.usedTimes, stored.lastUsed], [2, ctx.deps.clock.now()]);
      assert.deepEqual(ctx.published().slice(seen), [
        { accountId: ctx.accountId, serial: base + 1, peers: 'all' },
        { accountId: ctx.accountId, serial: base + 2, peers: 'all' },
      ]);
      assert.deepEqual(await store.findPeerByKey(first.peer.key), first.peer);
    });

    test('ephemeral keys make ephemeral peers with IP-suffixed labels', async () => {
      const ctx = await domainCtx(store);
      const { plainKey } = await newKey(ctx, { ephemeral: true });
      const { peer } = await register(ctx, plainKey, { hostname: 'CI Runner.local' });
      assert.equal(peer.ephemeral, true);
      assert.match(peer.dnsLabel, /^ci-runner-\d+-\d+$/);
    });

    test('a one-off key works once', async () => {
      const ctx = await domainCtx(store);
      const { plainKey } = await newKey(ctx, { type: 'one-off', usageLimit: 7 });
      await register(ctx, plainKey);
      await assert.rejects(register(ctx, plainKey), { kind: 'NotFound' });
    });

    test('unknown, expired, revoked and exhausted keys are NotFound', async () => {
      const ctx = await domainCtx(store);
      const expiring = await newKey(ctx, { expiresIn: 60 });
      const revoked = await newKey(ctx);
      await ctx.svc.setupKeys.update(ctx.accountId, revoked.key.id, { autoGroups: [], revoked: true });
      const limited = await newKey(ctx, { usageLimit: 1 });
      await register(ctx, limited.plainKey);
      ctx.deps.clock.advance(61_000);
      for (const [name, plain] of [
        ['unknown', 'A2C8E62B-38F5-4553-B31E-DD66C696CEBB'],
        ['expired', expiring.plainKey],
        ['revoked', revoked.plainKey],
        ['exhausted', limited.plainKey],
      ] as const) {
        await assert.rejects(register(ctx, plain), { kind: 'NotFound', message: "couldn't add peer: setup key is invalid" }, name);
      }
      assert.deepEqual(ctx.published().map((c) => c.serial), [1], 'only the one good registration published');
    });

    test('preconditions: key already registered, extra labels not allowed, unusable hostname', async () => {
      const ctx = await domainCtx(store);
      const { plainKey } = await newKey(ctx);
      const { peer } = await register(ctx, plainKey);
      await assert.rejects(register(ctx, plainKey, { key: peer.key }), { kind: 'PreconditionFailed' });
      await assert.rejects(register(ctx, plainKey, { extraDnsLabels: ['web'] }), { kind: 'PreconditionFailed' });
      await assert.rejects(register(ctx, plainKey, { hostname: '' }), { kind: 'InvalidArgument' });
    });

    test('IP collisions are retried; ten in a row give up with Internal', async () => {
      const ctx = await domainCtx(store);
      const { plainKey } = await newKey(ctx);
      const script = [5, 5, 6];
      const deps = { ...ctx.deps, random: { int: () => script.shift() ?? 5, bytes: (n: number) => new Uint8Array(n) } };
      const life = createPeerLifecycle(deps);
      const input = (hostname: string) => ({ setupKey: plainKey, key: wgKey(), meta: meta({ hostname }), sshKey: '', extraDnsLabels: [] });
      const a = await life.registerPeer(input('a'));
      const b = await life.registerPeer(input('b'));
      assert.match(a.peer.ip, /\.0\.6$/);
      assert.match(b.peer.ip, /\.0\.7$/, 'second pick collided with the first and was retried');
      assert.equal(b.peer.dnsLabel, 'b-0-7', 'a retry uses the IP-suffixed label');
      await assert.rejects(life.registerPeer(input('c')), { kind: 'Internal' });
      assert.equal((await ctx.svc.peers.list(ctx.accountId)).length, 2);
    });

    test('usage limit 5 under 20 concurrent registrations admits exactly 5', async () => {
      const ctx = await domainCtx(store);
      const { key, plainKey } = await newKey(ctx, { usageLimit: 5 });
      const results = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => register(ctx, plainKey, { hostname: `node-${i}` })));
      const ok = results.filter((r) => r.status === 'fulfilled');
      const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      assert.equal(ok.length, 5);
      for (const f of failed) assert.ok(isRoostError(f.reason, 'NotFound') || isRoostError(f.reason, 'PreconditionFailed'), String(f.reason));
      assert.equal((await ctx.svc.setupKeys.get(ctx.accountId, key.id)).usedTimes, 5);
      assert.equal((await ctx.svc.peers.list(ctx.accountId)).length, 5);
      assert.equal(await ctx.serial(), 5);
    });

    test('loginPeer: expiry, extra labels, meta merge and SSH key', async () => {
      const ctx = await domainCtx(store);
      const { plainKey } = await newKey(ctx);
      const { peer } = await register(ctx, plainKey);
      const login = ctx.svc.peerLifecycle.loginPeer;
      await assert.rejects(login({ peer, meta: peer.meta, sshKey: peer.sshKey, extraDnsLabels: ['x'] }), { kind: 'PreconditionFailed' });
      const withUi = { ...peer.meta, uiVersion: 'netbird-desktop-ui/0.60.0' };
      const updated = await login({ peer, meta: withUi, sshKey: 'ssh-ed25519 BBBB', extraDnsLabels: [] });
      assert.equal(updated.sshKey, 'ssh-ed25519 BBBB');
      assert.equal(updated.meta.uiVersion, 'netbird-desktop-ui/0.60.0');
      const again = await login({ peer: updated, meta: { ...withUi, uiVersion: '', kernelVersion: '6.2' }, sshKey: 'ssh-ed25519 BBBB', extraDnsLabels: [] });
      assert.deepEqual([again.meta.uiVersion, again.meta.kernelVersion], ['netbird-desktop-ui/0.60.0', '6.2']);
      assert.deepEqual(await store.findPeerByKey(peer.key), again);

      const sso = peerRow(ctx.accountId, { userId: ctx.seeded.ownerId, loginExpirationEnabled: true, lastLogin: ctx.deps.clock.now() - 86_400_000 });
      await store.repos.peers.insert(sso);
      await assert.rejects(login({ peer: sso, meta: sso.meta, sshKey: '', extraDnsLabels: [] }), { kind: 'PermissionDenied' });
    });

    test('syncPeerMeta reports changes and ignores empty or identical meta', async () => {
      const ctx = await domainCtx(store);
      const { plainKey } = await newKey(ctx);
      const { peer } = await register(ctx, plainKey);
      const sync = ctx.svc.peerLifecycle.syncPeerMeta;
      assert.deepEqual(await sync(peer.key, peer.meta), { peer, changed: false, mapChanged: false });
      const r = await sync(peer.key, { ...peer.meta, netbirdVersion: '0.61.0' });
      assert.deepEqual([r.changed, r.mapChanged, r.peer.meta.netbirdVersion], [true, true, '0.61.0']);
      const h = await sync(peer.key, { ...r.peer.meta, hostname: 'renamed-box' });
      assert.deepEqual([h.changed, h.mapChanged], [true, false]);
      assert.equal((await store.findPeerByKey(peer.key))?.meta.hostname, 'renamed-box');
      await assert.rejects(sync(wgKey(), peer.meta), { kind: 'NotFound' });
    });

    test('markPeerConnected applies connects not older than lastSeen and current-stream disconnects', async () => {
      const ctx = await domainCtx(store);
      const { plainKey } = await newKey(ctx);
      const { peer } = await register(ctx, plainKey);
      const mark = ctx.svc.peerLifecycle.markPeerConnected;
      const t0 = peer.lastSeen;
      assert.equal(await mark(peer.key, { connected: true, at: t0 }), true, 'same millisecond as the registration');
      assert.equal(await mark(peer.key, { connected: true, at: t0 + 10, connectionIp: '198.51.100.4' }), true);
      assert.equal(await mark(peer.key, { connected: true, at: t0 + 5 }), false, 'older than the connect stored');
      assert.equal(await mark(peer.key, { connected: true, at: t0 + 20 }), true, 'a second stream takes over');
      assert.equal(await mark(peer.key, { connected: false, at: t0 + 30, streamStart: t0 + 10 }), false, 'the older stream may not disconnect');
      let stored = await store.findPeerByKey(peer.key);
      assert.deepEqual([stored?.connected, stored?.lastSeen, stored?.connectionIp], [true, t0 + 20, '198.51.100.4']);
      assert.equal(await mark(peer.key, { connected: false, at: t0 + 40, streamStart: t0 + 20 }), true);
      stored = await store.findPeerByKey(peer.key);
      assert.deepEqual([stored?.connected, stored?.lastSeen], [false, t0 + 40]);
      assert.equal(await ctx.serial(), 1, 'status changes never bump');
      await assert.rejects(mark(wgKey(), { connected: true, at: 1 }), { kind: 'NotFound' });
    });

    test('a peer that moved to another process stays connected there whatever order the two processes write in', async () => {
      const ctx = await domainCtx(store);
      const { plainKey } = await newKey(ctx);
      const { peer } = await register(ctx, plainKey);
      const mark = ctx.svc.peerLifecycle.markPeerConnected;
      const t0 = peer.lastSeen;
      assert.equal(await mark(peer.key, { connected: true, at: t0 + 100 }), true, 'stream on process B');
      // The client moves to process A (its stream starts at +150); B notices the old stream's end
      // late (+200) and writes it before A's batched connect lands.
      assert.equal(await mark(peer.key, { connected: false, at: t0 + 200, streamStart: t0 + 100 }), true, "B's late disconnect");
      assert.equal(await mark(peer.key, { connected: true, at: t0 + 150 }), true, "A's connect still wins");
      let stored = await store.findPeerByKey(peer.key);
      assert.deepEqual([stored?.connected, stored?.lastSeen], [true, t0 + 150]);
      assert.equal(await mark(peer.key, { connected: false, at: t0 + 300, streamStart: t0 + 150 }), true, "A's stream ends later");
      stored = await store.findPeerByKey(peer.key);
      assert.deepEqual([stored?.connected, stored?.lastSeen], [false, t0 + 300]);
    });

    test('markPeersConnected applies a batch in order with the same guard and skips unknown keys', async () => {
      const ctx = await domainCtx(store);
      const { plainKey } = await newKey(ctx);
      const { peer: a } = await register(ctx, plainKey);
      const { peer: b } = await register(ctx, plainKey);
      const t0 = Math.max(a.lastSeen, b.lastSeen);
      await ctx.svc.peerLifecycle.markPeersConnected([
        { peerKey: a.key, change: { connected: true, at: t0 + 10, connectionIp: '198.51.100.7' } },
        { peerKey: wgKey(), change: { connected: true, at: t0 + 10 } },
        { peerKey: b.key, change: { connected: true, at: t0 + 10 } },
        { peerKey: a.key, change: { connected: true, at: t0 + 20 } },
        { peerKey: a.key, change: { connected: false, at: t0 + 30, streamStart: t0 + 10 } },
        { peerKey: b.key, change: { connected: false, at: t0 + 30, streamStart: t0 + 10 } },
      ]);
      const [sa, sb] = await Promise.all([store.findPeerByKey(a.key), store.findPeerByKey(b.key)]);
      assert.deepEqual([sa?.connected, sa?.lastSeen, sa?.connectionIp], [true, t0 + 20, '198.51.100.7'], 'the older stream of a may not disconnect it');
      assert.deepEqual([sb?.connected, sb?.lastSeen], [false, t0 + 30]);
      await ctx.svc.peerLifecycle.markPeersConnected([]);
    });

    test('deletePeer removes memberships and dependent routes and announces the deleted peer', async () => {
      const ctx = await domainCtx(store);
      const { plainKey } = await newKey(ctx);
      const { peer } = await register(ctx, plainKey);
      const route = await ctx.svc.routes.create(ctx.accountId, { netId: 'lan', network: '10.9.0.0/24', peer: peer.id, metric: 1, masquerade: false, enabled: true, groups: [ctx.seeded.allGroupId] });
      const deleted = await ctx.svc.peerLifecycle.deletePeer(ctx.accountId, peer.id);
      assert.equal(deleted.id, peer.id);
      assert.equal(await store.findPeerByKey(peer.key), undefined);
      assert.deepEqual((await ctx.svc.groups.get(ctx.accountId, ctx.seeded.allGroupId)).peers, []);
      await assert.rejects(ctx.svc.routes.get(ctx.accountId, route.id), { kind: 'NotFound' });
      assert.deepEqual(ctx.published().at(-1), { accountId: ctx.accountId, serial: 3, peers: 'all', deletedPeers: [{ id: peer.id, key: peer.key }] });
      await assert.rejects(ctx.svc.peerLifecycle.deletePeer(ctx.accountId, peer.id), { kind: 'NotFound' });
    });

    test('renaming picks the base label when free, else an IP-suffixed one', async () => {
      const ctx = await domainCtx(store);
      const { plainKey } = await newKey(ctx);
      const a = (await register(ctx, plainKey, { hostname: 'alpha' })).peer;
      const b = (await register(ctx, plainKey, { hostname: 'beta' })).peer;
      assert.equal((await ctx.svc.peers.update(ctx.accountId, b.id, { name: 'Gamma Box' })).dnsLabel, 'gamma-box');
      const renamed = await ctx.svc.peers.update(ctx.accountId, b.id, { name: 'alpha' });
      assert.equal(renamed.dnsLabel, `alpha-${b.ip.split('.')[2]}-${b.ip.split('.')[3]}`);
      assert.equal(renamed.name, 'alpha');
      await assert.rejects(ctx.svc.peers.update(ctx.accountId, a.id, { loginExpirationEnabled: true }), { kind: 'PreconditionFailed' });
      await assert.rejects(ctx.svc.peers.update(ctx.accountId, a.id, { ip: b.ip }), { kind: 'AlreadyExists' });
      await assert.rejects(ctx.svc.peers.update(ctx.accountId, a.id, { ip: '8.8.8.8' }), { kind: 'InvalidArgument' });
    });
  });
}
