/**
 * SSO peers whose login expired, other users' tokens, and blocked users (IDENTITY.md §2.6,
 * SEMANTICS.md §3.2), through the real server with tokens from a real OpenID provider. The
 * server's clock is moved by hand; before each JWT Login it is set to the real time, since the
 * provider stamps `iat` with it.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { ManualClock } from '../../src/domain/clock.js';
import { createUserService } from '../../src/domain/users/user-service.js';
import { MapWatch } from '../harness/map-watch.js';
import { OidcTestProvider } from '../harness/oidc-test-provider.js';
import { domainOf, seedAccount } from '../harness/seed.js';
import { GrpcCallError, linuxMeta, NIL_UUID, status, TestAgent } from '../harness/test-agent.js';
import { ALICE, BOB, deviceFlowToken, ENGINES, patchSettings, refused, startSsoServer } from './sso-fixture.js';

const HOUR_MS = 3_600_000;
const EXPIRED = 'peer login has expired, please log in once more';
const MISMATCH = 'peer is already registered by a different User or a Setup Key';

describe('SSO login expiry, other users and blocked users', () => {
  let idp: OidcTestProvider;
  before(async () => {
    // Tokens outlive the server clock's jump past the peers' login expiry.
    idp = await OidcTestProvider.start({ users: [ALICE, BOB], accessTokenTtlSeconds: 4 * 3600 });
  });
  after(() => idp.stop());

  for (const engine of ENGINES) {
    test(`an expired SSO peer is refused until a fresh JWT renews it, and the others get it back in a push (${engine})`, async (t) => {
      const clock = new ManualClock(Date.now());
      const server = await startSsoServer(t, idp, engine, { label: 'ssoexpiry', clock });
      if (!server) return;
      const { store } = server.app;
      const seed = await seedAccount(server.app); // the account `roost init` makes: SSO users join it
      await patchSettings(server, seed.accountId, { userApprovalRequired: false, peerLoginExpirationEnabled: true, peerLoginExpiration: 3600 });
      const agents: TestAgent[] = [];
      const agent = () => {
        const a = new TestAgent(server.grpcTarget);
        agents.push(a);
        return a;
      };
      t.after(() => agents.forEach((a) => a.close()));

      const observer = agent();
      await observer.register((await seed.setupKey()).plain, linuxMeta('observer'));
      const observerMaps = new MapWatch(await observer.sync({ meta: linuxMeta('observer') }));
      t.after(() => observerMaps.stream.close());
      await observerMaps.first();

      const laptop = agent();
      const token = await deviceFlowToken(server, idp, 'alice');
      clock.set(Date.now());
      await laptop.ssoLogin(token, linuxMeta('alice-laptop'));
      const registeredAt = clock.now();
      assert.equal((await store.findPeerByKey(laptop.publicKey))?.lastLogin, registeredAt);
      const alice = await store.repos.users.get('alice');
      assert.deepEqual([alice?.accountId, alice?.role, alice?.pendingApproval], [seed.accountId, 'user', false], 'joined the existing account');
      await observerMaps.map((m) => m.remotePeers.some((p) => p.wgPubKey === laptop.publicKey));

      clock.advance(HOUR_MS);
      await refused(laptop.login({ meta: linuxMeta('alice-laptop') }), status.PERMISSION_DENIED, EXPIRED, 'plain Login');
      const sync = await laptop.sync({ meta: linuxMeta('alice-laptop') });
      await assert.rejects(sync.next(), (e: unknown) => (e instanceof GrpcCallError && e.code === status.PERMISSION_DENIED && e.details === EXPIRED) || assert.fail(String(e)));
      await observer.login({ meta: linuxMeta('observer') }); // setup-key peers never expire

      const bobToken = await deviceFlowToken(server, idp, 'bob');
      clock.set(Date.now() + HOUR_MS);
      await refused(laptop.login({ jwtToken: bobToken, setupKey: NIL_UUID, meta: linuxMeta('alice-laptop') }), status.PERMISSION_DENIED, MISMATCH, "bob's token on alice's peer");
      await refused(observer.login({ jwtToken: token, setupKey: NIL_UUID, meta: linuxMeta('observer') }), status.PERMISSION_DENIED, MISMATCH, "alice's token on a setup-key peer");
      assert.equal((await store.findPeerByKey(laptop.publicKey))?.lastLogin, registeredAt, 'nothing renewed');

      const fresh = await deviceFlowToken(server, idp, 'alice');
      clock.set(Date.now() + HOUR_MS);
      const before = (await store.getAccountSerial(seed.accountId))!;
      await laptop.ssoLogin(fresh, linuxMeta('alice-laptop'));
      const renewed = await store.findPeerByKey(laptop.publicKey);
      assert.deepEqual([renewed?.lastLogin, renewed?.loginExpired], [clock.now(), false]);
      assert.equal((await store.repos.users.get('alice'))?.lastLogin, clock.now());
      assert.ok((await store.getAccountSerial(seed.accountId))! > before, 'the renewal moved the serial');
      const back = await observerMaps.map((m) => m.serial > BigInt(before) && m.remotePeers.some((p) => p.wgPubKey === laptop.publicKey));
      assert.ok(!back.offlinePeers.some((p) => p.wgPubKey === laptop.publicKey), 'no longer offline for the others');
      await laptop.login({ meta: linuxMeta('alice-laptop') });
      const laptopMaps = new MapWatch(await laptop.sync({ meta: linuxMeta('alice-laptop') }));
      t.after(() => laptopMaps.stream.close());
      await laptopMaps.first();
    });

    test(`blocked users: their JWT Logins are refused, on known and new peers, until unblocked (${engine})`, async (t) => {
      const clock = new ManualClock(Date.now());
      const server = await startSsoServer(t, idp, engine, { label: 'ssoblocked', clock });
      if (!server) return;
      const seed = await seedAccount(server.app);
      await patchSettings(server, seed.accountId, { userApprovalRequired: false });
      const laptop = new TestAgent(server.grpcTarget);
      const phone = new TestAgent(server.grpcTarget);
      t.after(() => [laptop, phone].forEach((a) => a.close()));
      const token = await deviceFlowToken(server, idp, 'alice');
      clock.set(Date.now());
      await laptop.ssoLogin(token, linuxMeta('alice-laptop'));

      const users = createUserService(domainOf(server.app));
      await users.update(seed.accountId, 'alice', { blocked: true }, seed.ownerId);
      await refused(laptop.login({ jwtToken: token, setupKey: NIL_UUID, meta: linuxMeta('alice-laptop') }), status.PERMISSION_DENIED, 'user is blocked', 'known peer');
      await refused(phone.ssoLogin(token, linuxMeta('alice-phone')), status.PERMISSION_DENIED, 'user is blocked', 'new peer');
      assert.equal(await server.app.store.findPeerByKey(phone.publicKey), undefined);

      await users.update(seed.accountId, 'alice', { blocked: false }, seed.ownerId);
      await phone.ssoLogin(token, linuxMeta('alice-phone'));
      assert.equal((await server.app.store.findPeerByKey(phone.publicKey))?.userId, 'alice');
    });
  }
});
