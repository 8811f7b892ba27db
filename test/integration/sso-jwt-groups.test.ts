/**
 * JWT groups through the real server (IDENTITY.md §2.5): the groups a real provider puts in the
 * token become the user's auto-groups at each JWT Login; with propagation the user's peers move
 * with them and every affected peer gets a new map; the allow-list refuses users outside it.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { ManualClock } from '../../src/domain/clock.js';
import { createDomainServices } from '../../src/domain/create-domain-services.js';
import type { NetworkMap } from '../../src/gen/management_pb.js';
import { MapWatch } from '../harness/map-watch.js';
import { OidcTestProvider } from '../harness/oidc-test-provider.js';
import { domainOf, seedAccount } from '../harness/seed.js';
import { linuxMeta, NIL_UUID, status, TestAgent } from '../harness/test-agent.js';
import { ALICE, deviceFlowToken, ENGINES, patchSettings, refused, startSsoServer } from './sso-fixture.js';

const sees = (m: NetworkMap, ...agents: TestAgent[]) => agents.every((a) => m.remotePeers.some((p) => p.wgPubKey === a.publicKey));
const seesNone = (m: NetworkMap, ...agents: TestAgent[]) => agents.every((a) => !m.remotePeers.some((p) => p.wgPubKey === a.publicKey));

describe('JWT groups at SSO login', () => {
  let idp: OidcTestProvider;
  before(async () => {
    idp = await OidcTestProvider.start({ users: [ALICE] });
  });
  after(() => idp.stop());

  for (const engine of ENGINES) {
    test(`the token's groups move the user's peers between groups, every affected peer gets a map; the allow-list refuses others (${engine})`, async (t) => {
      const clock = new ManualClock(Date.now());
      const server = await startSsoServer(t, idp, engine, { label: 'ssogroups', clock });
      if (!server) return;
      const { store } = server.app;
      const svc = createDomainServices(domainOf(server.app));
      const seed = await seedAccount(server.app);
      await patchSettings(server, seed.accountId, { userApprovalRequired: false, jwtGroupsEnabled: true, jwtGroupsClaimName: 'groups', groupsPropagationEnabled: true });
      const agents = [new TestAgent(server.grpcTarget), new TestAgent(server.grpcTarget), new TestAgent(server.grpcTarget)] as const;
      const [laptop, desktop, observer] = agents;
      t.after(() => agents.forEach((a) => a.close()));
      idp.users.set('alice', { ...ALICE, groups: ['engineering'] });

      const token = await deviceFlowToken(server, idp, 'alice');
      clock.set(Date.now());
      await laptop.ssoLogin(token, linuxMeta('alice-laptop'));
      await desktop.ssoLogin(token, linuxMeta('alice-desktop'));
      const groups = await store.repos.groups.list(seed.accountId);
      const engineering = groups.find((g) => g.name === 'engineering');
      assert.ok(engineering);
      assert.equal(engineering.issued, 'jwt');
      assert.deepEqual((await store.repos.users.get('alice'))?.autoGroups, [engineering.id]);
      const alicePeers = [laptop, desktop].map((a) => a.publicKey);
      const ids = await Promise.all(alicePeers.map(async (k) => (await store.findPeerByKey(k))!.id));
      assert.deepEqual(engineering.peers, [...ids].sort(), "the user's peers joined the group at registration");

      // Only engineering may talk to engineering: the observer is in it through its setup key.
      await observer.register((await seed.setupKey({ autoGroups: [engineering.id] })).plain, linuxMeta('observer'));
      await svc.policies.create(seed.accountId, {
        name: 'engineering',
        enabled: true,
        rules: [{ name: 'engineering', enabled: true, action: 'accept', sources: [engineering.id], destinations: [engineering.id], bidirectional: true, protocol: 'all' }],
      });
      for (const p of await svc.policies.list(seed.accountId)) if (p.name === 'Default') await svc.policies.delete(seed.accountId, p.id);
      const maps = await Promise.all(agents.map(async (a, i) => new MapWatch(await a.sync({ meta: linuxMeta(['alice-laptop', 'alice-desktop', 'observer'][i]!) }))));
      t.after(() => maps.forEach((m) => m.stream.close()));
      const [laptopMaps, desktopMaps, observerMaps] = maps as [MapWatch, MapWatch, MapWatch];
      assert.ok(sees((await laptopMaps.first()).networkMap!, desktop, observer));
      assert.ok(sees((await desktopMaps.first()).networkMap!, laptop, observer));
      assert.ok(sees((await observerMaps.first()).networkMap!, laptop, desktop));

      // The IdP moves alice to sales; her next JWT Login carries it.
      idp.users.set('alice', { ...ALICE, groups: ['sales'] });
      const moved = await deviceFlowToken(server, idp, 'alice');
      clock.set(Date.now());
      const before = BigInt((await store.getAccountSerial(seed.accountId))!);
      await laptop.login({ jwtToken: moved, setupKey: NIL_UUID, meta: linuxMeta('alice-laptop') });
      const sales = (await store.repos.groups.list(seed.accountId)).find((g) => g.name === 'sales');
      assert.ok(sales);
      assert.deepEqual([sales.issued, sales.peers], ['jwt', [...ids].sort()], 'both of her peers moved, not only the one that logged in');
      assert.deepEqual((await store.repos.groups.get(seed.accountId, engineering.id))?.peers, [(await store.findPeerByKey(observer.publicKey))!.id]);
      assert.deepEqual((await store.repos.users.get('alice'))?.autoGroups, [sales.id]);
      await observerMaps.map((m) => m.serial > before && seesNone(m, laptop, desktop));
      await laptopMaps.map((m) => m.serial > before && seesNone(m, observer));
      await desktopMaps.map((m) => m.serial > before && seesNone(m, observer));

      // Only engineering may sign in now.
      await patchSettings(server, seed.accountId, { jwtAllowGroups: ['engineering'] });
      await refused(laptop.login({ jwtToken: moved, setupKey: NIL_UUID, meta: linuxMeta('alice-laptop') }), status.PERMISSION_DENIED, 'user does not belong to any of the allowed JWT groups');
    });
  }
});
