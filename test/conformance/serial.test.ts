/**
 * Serial bumps (SEMANTICS.md §5.1, widened): every entry of MAP_RELEVANT_CHANGES has a
 * scenario here — the Record type makes a missing one a compile error — asserting exactly +1
 * per committed change and one publication carrying the new serial. Also: changes that must
 * not bump, and rollbacks. Runs on every engine.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { bumpSerial, MAP_RELEVANT_CHANGES, type MapRelevantChange } from '../../src/domain/map-relevant-changes.js';
import { transact } from '../../src/domain/transact.js';
import type { Store } from '../../src/store/index.js';
import { domainCtx, type DomainCtx } from './domain-fixtures.js';
import { storeEngines } from './store-engines.js';
import { meta, peerRow } from './store-fixtures.js';

const ENGINES = await storeEngines('serial');

interface Scenario {
  /** Builds what the change needs; its own bumps are not counted. */
  prepare(ctx: DomainCtx): Promise<Record<string, string>>;
  act(ctx: DomainCtx, state: Record<string, string>): Promise<unknown>;
}

const nsInput = (groups: string[], name = 'ns') => ({
  name, nameServers: [{ ip: '1.1.1.1', nsType: 1, port: 53 }], groups, primary: true, domains: [], searchDomainsEnabled: false, enabled: true,
});
const ruleInput = (g: string) => ({ name: 'r', enabled: true, action: 'accept' as const, sources: [g], destinations: [g], bidirectional: true, protocol: 'tcp' as const, ports: ['22'] });
const none = async (): Promise<Record<string, string>> => ({});
const withPeer = async (ctx: DomainCtx) => ({ peer: (await ctx.registerPeer('alpha')).id });
const withGroup = async (ctx: DomainCtx) => ({ group: (await ctx.svc.groups.create(ctx.accountId, { name: 'g' })).id });

const withNetwork = async (ctx: DomainCtx) => ({ network: (await ctx.svc.networks.create(ctx.accountId, { name: 'office' })).id });
const resourceInput = (ctx: DomainCtx, address = '10.9.0.0/24') => ({ name: 'lan', address, enabled: true, groups: [ctx.seeded.allGroupId] });
const withResource = async (ctx: DomainCtx) => {
  const { network } = await withNetwork(ctx);
  return { network, resource: (await ctx.svc.networkResources.create(ctx.accountId, network, resourceInput(ctx))).id };
};
const withRouter = async (ctx: DomainCtx) => {
  const { network } = await withNetwork(ctx);
  const router = await ctx.svc.networkRouters.create(ctx.accountId, network, { peerGroups: [ctx.seeded.allGroupId], masquerade: true, metric: 100, enabled: true });
  return { network, router: router.id };
};
const zoneInput = (group: string) => ({ name: 'z', domain: 'zone.example', enabled: true, enableSearchDomain: false, distributionGroups: [group] });
const recordInput = (ip: string) => ({ name: 'app.zone.example', type: 'A' as const, content: ip, ttl: 300 });
const withZone = async (ctx: DomainCtx) => {
  const { group } = await withGroup(ctx);
  return { group, zone: (await ctx.svc.dnsZones.create(ctx.accountId, zoneInput(group))).id };
};
const withZoneRecord = async (ctx: DomainCtx) => {
  const s = await withZone(ctx);
  return { ...s, record: (await ctx.svc.dnsZones.createRecord(ctx.accountId, s.zone, recordInput('10.0.0.7'))).id };
};

const SCENARIOS: Record<MapRelevantChange, Scenario> = {
  'network-deleted': { prepare: withResource, act: (ctx, s) => ctx.svc.networks.delete(ctx.accountId, s['network']!) },
  'network-resource-created': { prepare: withNetwork, act: (ctx, s) => ctx.svc.networkResources.create(ctx.accountId, s['network']!, resourceInput(ctx)) },
  'network-resource-updated': {
    prepare: withResource,
    act: (ctx, s) => ctx.svc.networkResources.update(ctx.accountId, s['network']!, s['resource']!, resourceInput(ctx, 'db.example.com')),
  },
  'network-resource-deleted': { prepare: withResource, act: (ctx, s) => ctx.svc.networkResources.delete(ctx.accountId, s['network']!, s['resource']!) },
  'network-router-created': {
    prepare: async (ctx) => ({ ...(await withNetwork(ctx)), ...(await withPeer(ctx)) }),
    act: (ctx, s) => ctx.svc.networkRouters.create(ctx.accountId, s['network']!, { peer: s['peer']!, masquerade: false, metric: 9999, enabled: true }),
  },
  'network-router-updated': {
    prepare: withRouter,
    act: (ctx, s) => ctx.svc.networkRouters.update(ctx.accountId, s['network']!, s['router']!, { peerGroups: [ctx.seeded.allGroupId], masquerade: false, metric: 1, enabled: false }),
  },
  'network-router-deleted': { prepare: withRouter, act: (ctx, s) => ctx.svc.networkRouters.delete(ctx.accountId, s['network']!, s['router']!) },
  'peer-added': { prepare: none, act: (ctx) => ctx.registerPeer() },
  'peer-deleted': { prepare: withPeer, act: (ctx, s) => ctx.svc.peers.delete(ctx.accountId, s['peer']!) },
  'peer-renamed': { prepare: withPeer, act: (ctx, s) => ctx.svc.peers.update(ctx.accountId, s['peer']!, { name: 'Renamed Box' }) },
  'peer-updated': { prepare: withPeer, act: (ctx, s) => ctx.svc.peers.update(ctx.accountId, s['peer']!, { sshEnabled: true }) },
  'peer-ip-changed': {
    prepare: withPeer,
    act: async (ctx, s) => {
      const peer = await ctx.svc.peers.get(ctx.accountId, s['peer']!);
      const [a, b, c] = peer.ip.split('.');
      const ip = `${a}.${b}.${c}.${peer.ip.endsWith('.77') ? 78 : 77}`;
      return ctx.svc.peers.update(ctx.accountId, peer.id, { ip });
    },
  },
  'peer-ssh-key-changed': {
    prepare: withPeer,
    act: async (ctx, s) => {
      const peer = await ctx.svc.peers.get(ctx.accountId, s['peer']!);
      return ctx.svc.peerLifecycle.loginPeer({ peer, meta: peer.meta, sshKey: 'ssh-ed25519 AAAA new', extraDnsLabels: [] });
    },
  },
  'peer-meta-changed': {
    prepare: withPeer,
    act: async (ctx, s) => {
      const peer = await ctx.svc.peers.get(ctx.accountId, s['peer']!);
      return ctx.svc.peerLifecycle.syncPeerMeta(peer.key, { ...peer.meta, netbirdVersion: '0.61.0' });
    },
  },
  'peer-login-expired': {
    prepare: async (ctx) => {
      const p = peerRow(ctx.accountId, { userId: ctx.seeded.ownerId, loginExpirationEnabled: true, lastLogin: ctx.deps.clock.now() - 2 * 86_400_000 });
      await ctx.deps.store.repos.peers.insert(p);
      return { peer: p.id };
    },
    act: (ctx) => ctx.svc.peerLifecycle.expirePeerLogins(ctx.accountId),
  },
  'group-created': { prepare: none, act: (ctx) => ctx.svc.groups.create(ctx.accountId, { name: 'new' }) },
  'group-updated': { prepare: withGroup, act: (ctx, s) => ctx.svc.groups.update(ctx.accountId, s['group']!, { name: 'renamed' }) },
  'group-peers-changed': {
    prepare: async (ctx) => ({ ...(await withPeer(ctx)), ...(await withGroup(ctx)) }),
    act: (ctx, s) => ctx.svc.groups.update(ctx.accountId, s['group']!, { name: 'g', peers: [s['peer']!] }),
  },
  'group-deleted': { prepare: withGroup, act: (ctx, s) => ctx.svc.groups.delete(ctx.accountId, s['group']!) },
  'policy-created': {
    prepare: withGroup,
    act: (ctx, s) => ctx.svc.policies.create(ctx.accountId, { name: 'p', enabled: true, rules: [ruleInput(s['group']!)] }),
  },
  'policy-updated': {
    prepare: async (ctx) => {
      const { group } = await withGroup(ctx);
      const p = await ctx.svc.policies.create(ctx.accountId, { name: 'p', enabled: true, rules: [ruleInput(group)] });
      return { group, policy: p.id };
    },
    act: (ctx, s) => ctx.svc.policies.update(ctx.accountId, s['policy']!, { name: 'p2', enabled: true, rules: [ruleInput(s['group']!)] }),
  },
  'policy-deleted': {
    prepare: async (ctx) => {
      const { group } = await withGroup(ctx);
      return { policy: (await ctx.svc.policies.create(ctx.accountId, { name: 'p', enabled: true, rules: [ruleInput(group)] })).id };
    },
    act: (ctx, s) => ctx.svc.policies.delete(ctx.accountId, s['policy']!),
  },
  'posture-check-updated': {
    prepare: async (ctx) => ({ check: (await ctx.svc.postureChecks.create(ctx.accountId, { name: 'v', checks: { nbVersionCheck: { minVersion: '0.28.0' } } })).id }),
    act: (ctx, s) => ctx.svc.postureChecks.update(ctx.accountId, s['check']!, { name: 'v', checks: { nbVersionCheck: { minVersion: '0.30.0' } } }),
  },
  'posture-check-deleted': {
    prepare: async (ctx) => ({ check: (await ctx.svc.postureChecks.create(ctx.accountId, { name: 'v', checks: { nbVersionCheck: { minVersion: '0.28.0' } } })).id }),
    act: (ctx, s) => ctx.svc.postureChecks.delete(ctx.accountId, s['check']!),
  },
  'route-created': {
    prepare: withPeer,
    act: (ctx, s) => ctx.svc.routes.create(ctx.accountId, { netId: 'lan', network: '192.168.0.0/24', peer: s['peer']!, metric: 10, masquerade: true, enabled: true, groups: [ctx.seeded.allGroupId] }),
  },
  'route-updated': {
    prepare: async (ctx) => {
      const { peer } = await withPeer(ctx);
      const r = await ctx.svc.routes.create(ctx.accountId, { netId: 'lan', network: '192.168.0.0/24', peer, metric: 10, masquerade: true, enabled: true, groups: [ctx.seeded.allGroupId] });
      return { peer, route: r.id };
    },
    act: (ctx, s) => ctx.svc.routes.update(ctx.accountId, s['route']!, { netId: 'lan', network: '192.168.0.0/24', peer: s['peer']!, metric: 20, masquerade: true, enabled: false, groups: [ctx.seeded.allGroupId] }),
  },
  'route-deleted': {
    prepare: async (ctx) => {
      const { peer } = await withPeer(ctx);
      const r = await ctx.svc.routes.create(ctx.accountId, { netId: 'lan', network: '192.168.0.0/24', peer, metric: 10, masquerade: true, enabled: true, groups: [ctx.seeded.allGroupId] });
      return { route: r.id };
    },
    act: (ctx, s) => ctx.svc.routes.delete(ctx.accountId, s['route']!),
  },
  'nameserver-group-created': { prepare: none, act: (ctx) => ctx.svc.nameServerGroups.create(ctx.accountId, nsInput([ctx.seeded.allGroupId])) },
  'nameserver-group-updated': {
    prepare: async (ctx) => ({ ns: (await ctx.svc.nameServerGroups.create(ctx.accountId, nsInput([ctx.seeded.allGroupId]))).id }),
    act: (ctx, s) => ctx.svc.nameServerGroups.update(ctx.accountId, s['ns']!, { ...nsInput([ctx.seeded.allGroupId]), enabled: false }),
  },
  'nameserver-group-deleted': {
    prepare: async (ctx) => ({ ns: (await ctx.svc.nameServerGroups.create(ctx.accountId, nsInput([ctx.seeded.allGroupId]))).id }),
    act: (ctx, s) => ctx.svc.nameServerGroups.delete(ctx.accountId, s['ns']!),
  },
  'dns-settings-updated': { prepare: withGroup, act: (ctx, s) => ctx.svc.dnsSettings.update(ctx.accountId, { disabledManagementGroups: [s['group']!] }) },
  'dns-zone-updated': { prepare: withZoneRecord, act: (ctx, s) => ctx.svc.dnsZones.update(ctx.accountId, s['zone']!, { ...zoneInput(s['group']!), name: 'renamed' }) },
  'dns-zone-deleted': { prepare: withZoneRecord, act: (ctx, s) => ctx.svc.dnsZones.delete(ctx.accountId, s['zone']!) },
  'dns-record-created': { prepare: withZone, act: (ctx, s) => ctx.svc.dnsZones.createRecord(ctx.accountId, s['zone']!, recordInput('10.0.0.9')) },
  'dns-record-updated': { prepare: withZoneRecord, act: (ctx, s) => ctx.svc.dnsZones.updateRecord(ctx.accountId, s['zone']!, s['record']!, recordInput('10.0.0.8')) },
  'dns-record-deleted': { prepare: withZoneRecord, act: (ctx, s) => ctx.svc.dnsZones.deleteRecord(ctx.accountId, s['zone']!, s['record']!) },
  'account-settings-updated': { prepare: none, act: (ctx) => ctx.svc.accounts.updateSettings(ctx.accountId, { lazyConnectionEnabled: true }) },
  'user-created': {
    prepare: none,
    act: (ctx) => ctx.svc.users.create(ctx.accountId, { name: 'bob', email: 'bob@example.com', role: 'user', autoGroups: [], isServiceUser: false }),
  },
  'user-updated': {
    prepare: async (ctx) => ({ user: (await ctx.svc.users.create(ctx.accountId, { name: 'bob', email: '', role: 'user', autoGroups: [], isServiceUser: false })).id }),
    act: (ctx, s) => ctx.svc.users.update(ctx.accountId, s['user']!, { role: 'admin' }),
  },
  'user-deleted': {
    prepare: async (ctx) => ({ user: (await ctx.svc.users.create(ctx.accountId, { name: 'bob', email: '', role: 'user', autoGroups: [], isServiceUser: true })).id }),
    act: (ctx, s) => ctx.svc.users.delete(ctx.accountId, s['user']!),
  },
};

/** Runs `act` and returns how far it moved the serial and what it published. */
async function measure(ctx: DomainCtx, act: () => Promise<unknown>): Promise<{ delta: number; published: number[]; after: number }> {
  const before = await ctx.serial();
  const seen = ctx.published().length;
  await act();
  const after = await ctx.serial();
  return { delta: after - before, published: ctx.published().slice(seen).map((c) => c.serial), after };
}

for (const engine of ENGINES) {
  describe(`serial bumps on ${engine.name}`, { skip: engine.skip }, () => {
    let store: Store;
    before(async () => {
      store = await engine.open();
    });
    after(() => engine.cleanup());

    for (const kind of MAP_RELEVANT_CHANGES) {
      test(`${kind}: +1 and one publication`, async () => {
        const ctx = await domainCtx(store);
        const state = await SCENARIOS[kind].prepare(ctx);
        const m = await measure(ctx, () => SCENARIOS[kind].act(ctx, state));
        assert.equal(m.delta, 1);
        assert.deepEqual(m.published, [m.after]);
      });
    }

    test('policy enable and disable each bump once', async () => {
      const ctx = await domainCtx(store);
      const { group } = await withGroup(ctx);
      const p = await ctx.svc.policies.create(ctx.accountId, { name: 'p', enabled: false, rules: [ruleInput(group)] });
      for (const enabled of [true, false]) {
        const m = await measure(ctx, () => ctx.svc.policies.update(ctx.accountId, p.id, { name: 'p', enabled, rules: [ruleInput(group)] }));
        assert.equal(m.delta, 1, `enabled=${enabled}`);
      }
    });

    test('changes that cannot alter a map do not bump or publish', async () => {
      const ctx = await domainCtx(store);
      const peer = await ctx.registerPeer('quiet');
      const cases: [string, () => Promise<unknown>][] = [
        ['DNS zone create', () => ctx.svc.dnsZones.create(ctx.accountId, { name: 'q', domain: 'quiet.example', enabled: true, enableSearchDomain: false, distributionGroups: [ctx.seeded.allGroupId] })],
        ['setup key create', () => ctx.svc.setupKeys.create(ctx.accountId, { name: 'k2', type: 'one-off', expiresIn: 3600, usageLimit: 0, autoGroups: [], ephemeral: false, allowExtraDnsLabels: false })],
        ['posture check create', () => ctx.svc.postureChecks.create(ctx.accountId, { name: 'q', checks: { nbVersionCheck: { minVersion: '0.1.0' } } })],
        ['settings outside the map', () => ctx.svc.accounts.updateSettings(ctx.accountId, { regularUsersViewBlocked: false })],
        ['connect', () => ctx.svc.peerLifecycle.markPeerConnected(peer.key, { connected: true, at: peer.lastSeen + 1 })],
        ['same meta on sync', () => ctx.svc.peerLifecycle.syncPeerMeta(peer.key, peer.meta)],
        ['empty meta on sync', () => ctx.svc.peerLifecycle.syncPeerMeta(peer.key, meta({ hostname: '', goOS: '', kernel: '', os: '', netbirdVersion: '' }))],
        ['hostname-only meta change without posture checks', () => ctx.svc.peerLifecycle.syncPeerMeta(peer.key, { ...peer.meta, hostname: 'other' })],
        ['login with nothing new', () => ctx.svc.peerLifecycle.loginPeer({ peer, meta: peer.meta, sshKey: peer.sshKey, extraDnsLabels: [] })],
      ];
      for (const [name, act] of cases) {
        const m = await measure(ctx, act);
        assert.deepEqual([m.delta, m.published], [0, []], name);
      }
    });

    test('a meta change of a peer under posture checks bumps', async () => {
      const ctx = await domainCtx(store);
      const peer = await ctx.registerPeer('guarded');
      const check = await ctx.svc.postureChecks.create(ctx.accountId, { name: 'k', checks: { osVersionCheck: { linux: { minKernelVersion: '5.0' } } } });
      const rule = { ...ruleInput(ctx.seeded.allGroupId), protocol: 'all' as const, ports: [] };
      await ctx.svc.policies.create(ctx.accountId, { name: 'pc', enabled: true, sourcePostureChecks: [check.id], rules: [rule] });
      const m = await measure(ctx, () => ctx.svc.peerLifecycle.syncPeerMeta(peer.key, { ...peer.meta, kernelVersion: '6.1' }));
      assert.equal(m.delta, 1);
    });

    test('several bumps in one transaction count once; a rollback leaves the serial and the bus untouched', async () => {
      const ctx = await domainCtx(store);
      const once = await measure(ctx, () =>
        transact(ctx.deps, async (tx) => {
          await bumpSerial(tx, ctx.accountId, 'group-created');
          await bumpSerial(tx, ctx.accountId, 'policy-updated', { peers: ['p1'] });
        }),
      );
      assert.deepEqual([once.delta, once.published], [1, [once.after]]);
      const rolledBack = await measure(ctx, () =>
        transact(ctx.deps, async (tx) => {
          await bumpSerial(tx, ctx.accountId, 'group-created');
          throw new Error('abort');
        }).catch((err: Error) => assert.equal(err.message, 'abort')),
      );
      assert.deepEqual([rolledBack.delta, rolledBack.published], [0, []]);
      const refused = await measure(ctx, () =>
        assert.rejects(ctx.svc.groups.delete(ctx.accountId, ctx.seeded.allGroupId), { kind: 'PreconditionFailed' }),
      );
      assert.deepEqual([refused.delta, refused.published], [0, []]);
    });

    test('a network range change re-addresses every peer and bumps once', async () => {
      const ctx = await domainCtx(store);
      const peers = [await ctx.registerPeer('a'), await ctx.registerPeer('b')];
      const m = await measure(ctx, () => ctx.svc.accounts.updateSettings(ctx.accountId, { networkRange: '172.20.0.0/24' }));
      assert.equal(m.delta, 1);
      const account = await ctx.svc.accounts.get(ctx.accountId);
      assert.equal(account.network.net, '172.20.0.0/24');
      for (const p of peers) assert.match((await ctx.svc.peers.get(ctx.accountId, p.id)).ip, /^172\.20\.0\.\d+$/);
    });
  });
}
