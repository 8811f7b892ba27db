/**
 * Audit events of what no REST caller starts, on each engine: the login-expiry step records
 * `peer.login.expire` initiated by the peer's user (as upstream), renewing that login with the
 * user's JWT records `user.peer.login`, and the ephemeral cleanup records each deletion initiated
 * by the system (`sys`). A login-expiry look that expires nothing records nothing.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Activity } from '../../src/domain/activity/activity-codes.js';
import { SYSTEM_INITIATOR } from '../../src/domain/activity/activity-event.js';
import { deleteEphemeralPeers } from '../../src/domain/peers/delete-ephemeral-peers.js';
import { expirePeerLogins } from '../../src/domain/peers/expire-peer-logins.js';
import type { Store } from '../../src/store/index.js';
import { domainCtx } from './domain-fixtures.js';
import { storeEngines } from './store-engines.js';

const ENGINES = await storeEngines('auditjobs');
const DAY = 86_400_000;

for (const engine of ENGINES) {
  describe(`audit events of jobs and SSO logins on ${engine.name}`, { skip: engine.skip }, () => {
    let store: Store;
    before(async () => {
      store = await engine.open();
    });
    after(() => engine.cleanup());

    test('login expiry by the peer user, renewal by a JWT login, ephemeral cleanup by the system', async () => {
      const ctx = await domainCtx(store);
      const { deps, accountId } = ctx;
      const latest = async () => (await store.repos.activity.list(accountId, { limit: 1 })).events[0];
      const count = async () => (await store.repos.activity.list(accountId, {})).total;

      const registered = await ctx.registerPeer('sso-laptop');
      const sso = { ...registered, userId: ctx.seeded.ownerId, loginExpirationEnabled: true, lastLogin: deps.clock.now() };
      await store.repos.peers.update(sso);
      const before = await count();
      assert.deepEqual(await expirePeerLogins(deps, accountId), []);
      assert.equal(await count(), before, 'nothing expired, nothing recorded');

      deps.clock.advance(DAY + 1);
      const expired = await expirePeerLogins(deps, accountId);
      assert.deepEqual(expired.map((p) => p.id), [sso.id]);
      const e = await latest();
      assert.equal(e?.activity, Activity.PeerLoginExpired);
      assert.equal(e?.initiatorId, ctx.seeded.ownerId);
      assert.equal(e?.targetId, sso.id);
      assert.equal(e?.meta['name'], 'sso-laptop');

      const stored = (await store.repos.peers.get(accountId, sso.id))!;
      await ctx.svc.peerLifecycle.loginPeer({ peer: stored, meta: stored.meta, sshKey: stored.sshKey, extraDnsLabels: [], jwtUserId: ctx.seeded.ownerId });
      const login = await latest();
      assert.equal(login?.activity, Activity.UserLoggedInPeer);
      assert.equal(login?.initiatorId, ctx.seeded.ownerId);
      assert.equal(login?.targetId, sso.id);
      const afterRenewal = await count();
      const renewed = (await store.repos.peers.get(accountId, sso.id))!;
      await ctx.svc.peerLifecycle.loginPeer({ peer: renewed, meta: renewed.meta, sshKey: renewed.sshKey, extraDnsLabels: [], jwtUserId: ctx.seeded.ownerId });
      assert.equal(await count(), afterRenewal, 'a JWT login that renews nothing records nothing');

      const eph = await ctx.registerPeer('ci-runner');
      await store.repos.peers.update({ ...eph, ephemeral: true, connected: false, lastSeen: deps.clock.now() - DAY });
      const deleted = await deleteEphemeralPeers(deps, accountId, { since: deps.clock.now() - DAY });
      assert.deepEqual(deleted.map((p) => p.id), [eph.id]);
      const gone = await latest();
      assert.equal(gone?.activity, Activity.PeerRemovedByUser);
      assert.equal(gone?.initiatorId, SYSTEM_INITIATOR);
      assert.equal(gone?.targetId, eph.id);
    });
  });
}
