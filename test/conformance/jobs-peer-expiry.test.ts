/**
 * The background peer jobs against each engine, on a ManualClock: login expiration, inactivity
 * expiration and ephemeral cleanup act exactly when their time comes (not a millisecond
 * earlier), through the domain's transactional steps — one serial bump per account, published
 * like any change — and schedule their next look from the store.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { domainPeerJobPorts, PeerActivity, runPeerJobs, type AccountLook } from '../../src/jobs/index.js';
import type { Peer } from '../../src/domain/model.js';
import type { Store } from '../../src/store/index.js';
import { pollUntil } from '../harness/poll.js';
import { domainCtx, type DomainCtx } from './domain-fixtures.js';
import { storeEngines } from './store-engines.js';
import { meta, wgKey } from './store-fixtures.js';

const ENGINES = await storeEngines('jobs');
const MIN = 60_000;
const DAY = 86_400_000;

/** The three jobs running on the context's clock and store, poked through `activity`. */
function startJobs(ctx: DomainCtx, t: { after(fn: () => unknown): void }) {
  const activity = new PeerActivity({ findPeer: async () => undefined, onError: (err) => assert.fail(String(err)) });
  const looks: AccountLook[] = [];
  const abort = new AbortController();
  const done = runPeerJobs({ ports: domainPeerJobPorts(ctx.deps), activity, clock: ctx.deps.clock, log: { info() {}, warn: (o) => assert.fail(JSON.stringify(o)) }, napMs: 2, onLook: (l) => looks.push(l) }, abort.signal);
  t.after(async () => {
    abort.abort();
    await done;
  });
  /** Pokes the account and waits until `job` has looked at it at the current clock time or later. */
  const lookNow = async (job: string): Promise<AccountLook> => {
    const at = ctx.deps.clock.now();
    activity.accountChanged(ctx.accountId);
    return pollUntil(() => looks.find((l) => l.job === job && l.accountId === ctx.accountId && l.at >= at), { what: `${job} to look at ${at}` });
  };
  /** Waits for `job` to look on its own once the clock has reached its schedule. */
  const scheduledLook = (job: string, at: number) => pollUntil(() => looks.find((l) => l.job === job && l.at >= at), { what: `${job} to look at ${at}` });
  return { lookNow, scheduledLook };
}

const stored = (store: Store, p: Peer) => store.repos.peers.get(p.accountId, p.id);

async function ssoPeer(ctx: DomainCtx, over: Partial<Peer>): Promise<Peer> {
  const peer = await ctx.registerPeer(`sso-${Math.random().toString(36).slice(2, 8)}`);
  // Fixture: an SSO-added peer (there is no JWT login yet); no serial bump.
  const sso = { ...peer, userId: ctx.seeded.ownerId, loginExpirationEnabled: true, inactivityExpirationEnabled: true, lastLogin: ctx.deps.clock.now(), ...over };
  await ctx.deps.store.repos.peers.update(sso);
  return sso;
}

for (const engine of ENGINES) {
  describe(`peer jobs on ${engine.name}`, { skip: engine.skip }, () => {
    let store: Store;
    before(async () => {
      store = await engine.open();
    });
    after(() => engine.cleanup());

    test('login expiration: a connected SSO peer expires at lastLogin + 24 h, serial +1, published once', async (t) => {
      const ctx = await domainCtx(store);
      const jobs = startJobs(ctx, t);
      const peer = await ssoPeer(ctx, { connected: true });
      const setupKeyPeer = await ctx.registerPeer('plain');
      await ctx.deps.store.repos.peers.update({ ...setupKeyPeer, connected: true, lastLogin: 0 });
      const first = await jobs.lookNow('peer-login-expiration');
      assert.equal(first.next, peer.lastLogin + DAY, 'scheduled at the expiry of the connected SSO peer');

      ctx.deps.clock.set(peer.lastLogin + DAY - 1);
      const early = await jobs.lookNow('peer-login-expiration');
      assert.equal((await stored(store, peer))?.loginExpired, false, 'not a millisecond early');
      assert.equal(early.next, peer.lastLogin + DAY - 1 + 1000, 'as upstream, the next look is at least a second away');
      const serial = await ctx.serial();
      const published = ctx.published().length;

      ctx.deps.clock.set(early.next);
      const look = await jobs.scheduledLook('peer-login-expiration', early.next);
      assert.equal(look.next, undefined, 'nothing else can expire');
      const after = await stored(store, peer);
      assert.deepEqual([after?.loginExpired, after?.connected], [true, false]);
      assert.equal((await stored(store, setupKeyPeer))?.loginExpired, false, 'setup-key peers never expire');
      assert.equal(await ctx.serial(), serial + 1);
      assert.deepEqual(ctx.published().slice(published), [{ accountId: ctx.accountId, serial: serial + 1, peers: 'all' }]);
    });

    test('inactivity expiration: an SSO peer disconnected for the configured time expires', async (t) => {
      const ctx = await domainCtx(store);
      await ctx.svc.accounts.updateSettings(ctx.accountId, { peerInactivityExpirationEnabled: true, peerInactivityExpiration: 600 });
      const jobs = startJobs(ctx, t);
      const gone = await ssoPeer(ctx, { connected: false, lastSeen: ctx.deps.clock.now() });
      const online = await ssoPeer(ctx, { connected: true, lastSeen: 0 });
      const first = await jobs.lookNow('peer-inactivity-expiration');
      assert.equal(first.next, gone.lastSeen + 10 * MIN);
      const serial = await ctx.serial();

      ctx.deps.clock.set(gone.lastSeen + 10 * MIN);
      await jobs.scheduledLook('peer-inactivity-expiration', gone.lastSeen + 10 * MIN);
      assert.equal((await stored(store, gone))?.loginExpired, true);
      assert.equal((await stored(store, online))?.loginExpired, false, 'connected peers are never inactive');
      assert.equal(await ctx.serial(), serial + 1);
    });

    test('ephemeral cleanup: deleted ten minutes after their disconnect (within the one-minute window), as a deletion', async (t) => {
      const ctx = await domainCtx(store);
      const jobs = startJobs(ctx, t);
      const { plainKey } = await ctx.svc.setupKeys.create(ctx.accountId, { name: 'ci', type: 'reusable', expiresIn: 0, usageLimit: 0, autoGroups: [], ephemeral: true, allowExtraDnsLabels: false });
      const register = async (hostname: string) => (await ctx.svc.peerLifecycle.registerPeer({ setupKey: plainKey, key: wgKey(), meta: meta({ hostname }), sshKey: '', extraDnsLabels: [] })).peer;
      const offline = await register('runner-1');
      const online = await register('runner-2');
      await ctx.deps.store.repos.peers.update({ ...online, connected: true });
      const keeper = await ctx.registerPeer('not-ephemeral');
      const first = await jobs.lookNow('ephemeral-peer-cleanup');
      assert.equal(first.next, offline.lastSeen + 11 * MIN, 'deadline plus the cleanup window');

      ctx.deps.clock.set(offline.lastSeen + 10 * MIN - 1);
      await jobs.lookNow('ephemeral-peer-cleanup');
      assert.ok(await stored(store, offline), 'not a millisecond early');
      const serial = await ctx.serial();
      const published = ctx.published().length;

      ctx.deps.clock.set(offline.lastSeen + 11 * MIN);
      await jobs.scheduledLook('ephemeral-peer-cleanup', offline.lastSeen + 11 * MIN);
      assert.equal(await stored(store, offline), undefined);
      assert.ok(await stored(store, online), 'a connected ephemeral peer stays');
      assert.ok(await stored(store, keeper), 'a non-ephemeral peer stays');
      assert.deepEqual(await ctx.svc.peers.groupIdsOf(ctx.accountId, offline.id), [], 'its memberships went with it');
      assert.equal(await ctx.serial(), serial + 1);
      assert.deepEqual(ctx.published().slice(published), [{ accountId: ctx.accountId, serial: serial + 1, peers: 'all', deletedPeers: [{ id: offline.id, key: offline.key }] }]);
    });
  });
}
