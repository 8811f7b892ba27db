/**
 * The Sync fast path through the real gRPC server (SEMANTICS.md §6.4–§6.6, §8.1; PROTOCOL.md
 * §6.6–§6.7, §12.3): upstream's scenarios, plus Roost's improvements — (a) Android told from
 * the meta stored at Login when the Sync carries none, (b) a fast-path answer repeats the
 * posture Checks, (c) the Android start-up pattern (a Sync cancelled right after its first
 * message, immediately followed by another) on both paths, (d) every meta field counts — and
 * the failure modes: a serial moving during the commit (race), an expired entry, a broken cache.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { SyncResponse } from '../../src/gen/management_pb.js';
import { MemoryCacheStore } from '../../src/cache/memory-cache-store.js';
import { FailingCacheStore } from '../../src/cache/failing-cache-store.js';
import { FastPathFlag } from '../../src/flags/fast-path-flag.js';
import { ManualClock } from '../../src/domain/clock.js';
import { verifyTurnCredentials } from '../../src/crypto/turn-credentials.js';
import { verifyRelayToken } from '../../src/crypto/relay-token.js';
import { createGroupService } from '../../src/domain/groups/group-service.js';
import { createPolicyService } from '../../src/domain/policies/policy-service.js';
import { createPostureCheckService } from '../../src/domain/posture-checks/posture-check-service.js';
import { fastPathTestConfig } from '../harness/fast-path-test-config.js';
import { pollUntil } from '../harness/poll.js';
import { readMetric } from '../harness/read-metric.js';
import { startFastPathServer } from '../harness/start-fast-path-server.js';
import { syncOnce } from '../harness/sync-once.js';
import { waitForPeerConnect } from '../harness/wait-for-peer-connect.js';
import { waitForPeerDisconnect } from '../harness/wait-for-peer-disconnect.js';
import { linuxMeta, type MetaInit } from '../harness/test-agent.js';

const META = linuxMeta('linux-host');
const androidMeta = (goOS: string): MetaInit => ({ hostname: 'android-host', goOS, kernel: 'Linux', OS: 'android', OSVersion: '14', netbirdVersion: '0.70.0' });

/** A full first message: the map and the config. */
function assertFull(msg: SyncResponse, what: string): void {
  assert.ok(msg.networkMap, `${what}: NetworkMap expected`);
  assert.ok(msg.networkMap.serial > 0n, `${what}: non-zero serial`);
  assert.ok(msg.networkMap.peerConfig, `${what}: map carries the peer config`);
  assert.ok(msg.netbirdConfig, `${what}: NetbirdConfig expected`);
}

/** A fast-path answer: NetbirdConfig only. */
function assertConfigOnly(msg: SyncResponse, what: string): void {
  assert.equal(msg.networkMap, undefined, `${what}: no NetworkMap`);
  assert.equal(msg.peerConfig, undefined, `${what}: no PeerConfig`);
  assert.deepEqual(msg.remotePeers, [], `${what}: no RemotePeers`);
  assert.equal(msg.remotePeersIsEmpty, false, `${what}: remotePeersIsEmpty unset`);
  assert.ok(msg.netbirdConfig, `${what}: NetbirdConfig expected`);
}

describe('Sync fast path over gRPC', () => {
  test('first Sync sends the full map and the config', async (t) => {
    const s = await startFastPathServer(t);
    const a = await s.enrol(META);
    const first = await syncOnce(a, s.app, { meta: META });
    assertFull(first, 'first Sync');
    const entry = await s.app.peerSyncCache.get(a.publicKey);
    assert.equal(entry?.serial, Number(first.networkMap!.serial), 'cache write #1 records the delivered serial');
  });

  test('reconnect with the same meta gets NetbirdConfig only, with fresh verifiable credentials', async (t) => {
    const s = await startFastPathServer(t);
    const a = await s.enrol(META);
    assertFull(await syncOnce(a, s.app, { meta: META }), 'first Sync');
    const second = await syncOnce(a, s.app, { meta: META });
    assertConfigOnly(second, 'reconnect');
    assert.deepEqual(second.checks, [], 'no posture checks apply, none sent');
    const cfg = second.netbirdConfig!;
    const now = s.app.clock.now();
    assert.deepEqual(cfg.stuns.map((h) => h.uri), ['stun:stun.example:3478']);
    assert.equal(cfg.signal?.uri, 'signal.example:10000');
    assert.equal(cfg.turns.length, 1);
    const turn = cfg.turns[0]!;
    assert.equal(turn.hostConfig?.uri, 'turn:turn.example:3478');
    assert.ok(turn.user !== '' && turn.password !== '', 'TURN credentials are filled');
    assert.ok(verifyTurnCredentials({ secret: fastPathTestConfig.turn!.secret, username: turn.user, password: turn.password, now }), 'TURN credentials verify');
    assert.deepEqual(cfg.relay?.urls, ['rel://rel.example:443']);
    assert.ok(cfg.relay.tokenPayload !== '' && cfg.relay.tokenSignature !== '', 'relay token present');
    assert.ok(
      verifyRelayToken({ secret: fastPathTestConfig.relay!.secret, payload: cfg.relay.tokenPayload, signature: cfg.relay.tokenSignature, now }),
      'relay token verifies',
    );
  });

  for (const goOS of ['android', 'Android']) {
    test(`goOS ${goOS} never skips the map`, async (t) => {
      const s = await startFastPathServer(t);
      const meta = androidMeta(goOS);
      const a = await s.enrol(meta);
      assertFull(await syncOnce(a, s.app, { meta }), 'first Sync');
      assert.ok(await s.app.peerSyncCache.get(a.publicKey), 'the entry is written for Android too (never read)');
      assertFull(await syncOnce(a, s.app, { meta }), 'reconnect');
      assertFull(await syncOnce(a, s.app, { meta }), 'second reconnect');
    });
  }

  test('(a) an old Android client (Login with goOS android, Syncs without meta) never skips', async (t) => {
    const s = await startFastPathServer(t);
    const a = await s.enrol(androidMeta('android'));
    assertFull(await syncOnce(a, s.app), 'first empty Sync');
    // The entry exists and matches: only the goOS stored at Login keeps the map coming.
    assert.ok(await s.app.peerSyncCache.get(a.publicKey));
    assertFull(await syncOnce(a, s.app), 'reconnect with an empty SyncRequest');
    assertFull(await syncOnce(a, s.app), 'second reconnect');
  });

  test('changed meta (hostname) sends the full map', async (t) => {
    const s = await startFastPathServer(t);
    const a = await s.enrol(META);
    assertFull(await syncOnce(a, s.app, { meta: META }), 'first Sync');
    assertFull(await syncOnce(a, s.app, { meta: linuxMeta('renamed-host') }), 'Sync with another hostname');
  });

  test('Login between the Syncs deletes the entry; the next Sync is full', async (t) => {
    const s = await startFastPathServer(t);
    const a = await s.enrol(META);
    assertFull(await syncOnce(a, s.app, { meta: META }), 'first Sync');
    assert.ok(await s.app.peerSyncCache.get(a.publicKey), 'entry written');
    await a.login({ setupKey: s.setupKey, meta: META });
    assert.equal(await s.app.peerSyncCache.get(a.publicKey), undefined, 'Login deleted the entry');
    assertFull(await syncOnce(a, s.app, { meta: META }), 'Sync after Login');
  });

  test('another peer registered in between forces the full map', async (t) => {
    const s = await startFastPathServer(t);
    const a = await s.enrol(META);
    const first = await syncOnce(a, s.app, { meta: META });
    assertFull(first, 'first Sync');
    const b = await s.enrol(linuxMeta('other-host'));
    const second = await syncOnce(a, s.app, { meta: META });
    assertFull(second, 'Sync after another registration');
    assert.ok(second.networkMap!.serial > first.networkMap!.serial);
    assert.deepEqual(second.networkMap!.remotePeers.map((p) => p.wgPubKey), [b.publicKey]);
  });

  for (const [name, overrides] of [
    ['switch forced off', { fastPathFlag: FastPathFlag.forced(false) }],
    ['no override and no NB_PEER_SYNC_REDIS_ADDRESS', { fastPathFlag: undefined }],
  ] as const) {
    test(`flag off (${name}): every Sync full, no peer-sync entry written`, async (t) => {
      const cacheStore = new MemoryCacheStore();
      const s = await startFastPathServer(t, { overrides: { ...overrides, cacheStore } });
      assert.equal(s.app.fastPathFlag.enabled(), false);
      const a = await s.enrol(META);
      for (let i = 0; i < 3; i++) assertFull(await syncOnce(a, s.app, { meta: META }), `Sync #${i + 1}`);
      assert.equal(cacheStore.size, 0, 'nothing was written to the shared cache');
      assert.equal(await s.app.peerSyncCache.get(a.publicKey), undefined);
    });
  }

  test('(b) posture checks: the fast-path answer carries the same Checks as the full Sync', async (t) => {
    const s = await startFastPathServer(t);
    const a = await s.enrol(META);
    const { deps, accountId } = s.seed;
    const check = await createPostureCheckService(deps).create(accountId, {
      name: 'agent running',
      checks: { processCheck: { processes: [{ linuxPath: '/usr/bin/netbird-agent', macPath: '/Applications/agent', windowsPath: '' }] } },
    });
    const all = await s.app.store.repos.groups.findByName(accountId, 'All');
    assert.ok(all);
    await createPolicyService(deps).create(accountId, {
      name: 'posture',
      enabled: true,
      sourcePostureChecks: [check.id],
      rules: [{ name: 'all', enabled: true, action: 'accept', sources: [all.id], destinations: [all.id], bidirectional: true, protocol: 'all' }],
    });
    const first = await syncOnce(a, s.app, { meta: META });
    assertFull(first, 'first Sync');
    assert.deepEqual(first.checks.map((c) => c.files), [['/usr/bin/netbird-agent', '/Applications/agent']]);
    const second = await syncOnce(a, s.app, { meta: META });
    assertConfigOnly(second, 'reconnect');
    assert.deepEqual(second.checks.map((c) => c.files), first.checks.map((c) => c.files), 'same Checks on the fast path');
  });

  for (const [name, meta, request, path] of [
    ['Android (goOS android)', androidMeta('android'), { meta: androidMeta('android') }, 'slow'],
    ['old Android (no meta in Sync)', androidMeta('android'), {}, 'slow'],
    ['a primed Linux peer', META, { meta: META }, 'fast'],
  ] as const) {
    test(`(c) start-up pattern, ${name}, ${path} path: cancel after the first message, Sync again at once`, async (t) => {
      const s = await startFastPathServer(t);
      const a = await s.enrol(meta);
      if (path === 'fast') assertFull(await syncOnce(a, s.app, request), 'priming Sync');
      const oneShot = await a.sync(request);
      const m1 = await oneShot.next();
      oneShot.close();
      const main = await a.sync(request);
      t.after(() => main.close());
      const m2 = await main.next();
      const check = path === 'slow' ? assertFull : assertConfigOnly;
      check(m1, 'one-shot Sync');
      check(m2, 'main Sync');
      // The main stream is the live one: a change reaches it (the late end of the one-shot
      // stream closed nothing of it).
      const b = await s.enrol(linuxMeta('other-host'));
      const pushed = await main.nextMatching((m) => m.networkMap?.remotePeers.some((p) => p.wgPubKey === b.publicKey) ?? false);
      assert.equal(pushed.netbirdConfig, undefined, 'a map push carries no config');
      await waitForPeerConnect(s.app, a.publicKey);
    });
  }

  test('a streamed map update rewrites the entry with that map serial, on slow- and fast-path streams', async (t) => {
    const s = await startFastPathServer(t);
    const a = await s.enrol(META);
    for (const [i, kind] of (['slow', 'fast'] as const).entries()) {
      const stream = await a.sync({ meta: META });
      t.after(() => stream.close());
      const first = await stream.next();
      (kind === 'slow' ? assertFull : assertConfigOnly)(first, `${kind}-path stream`);
      const before = (await s.app.store.getAccountSerial(s.seed.accountId))!;
      await s.enrol(linuxMeta(`other-host-${i}`));
      const pushed = await stream.nextMatching((m) => (m.networkMap?.serial ?? 0n) > BigInt(before));
      const serial = Number(pushed.networkMap!.serial);
      await pollUntil(async () => (await s.app.peerSyncCache.get(a.publicKey))?.serial === serial, { what: `cache entry at serial ${serial}` });
      stream.close();
      await waitForPeerDisconnect(s.app, a.publicKey);
    }
    // That entry is what the next reconnect is judged by.
    assertConfigOnly(await syncOnce(a, s.app, { meta: META }), 'reconnect after the pushed map');
  });

  test('(d) a meta change upstream does not hash (flags, files) still forces the full map and is stored', async (t) => {
    const s = await startFastPathServer(t);
    const a = await s.enrol(META);
    assertFull(await syncOnce(a, s.app, { meta: META }), 'first Sync');
    const changed = linuxMeta('linux-host', { flags: { rosenpassEnabled: true }, files: [{ path: '/usr/bin/agent', exist: true, processIsRunning: true }] });
    assertFull(await syncOnce(a, s.app, { meta: changed }), 'Sync with new flags and files');
    const stored = await s.app.store.findPeerByKey(a.publicKey);
    assert.equal(stored?.meta.flags.rosenpassEnabled, true, 'the new meta was stored');
    assert.deepEqual(stored?.meta.files.map((f) => f.path), ['/usr/bin/agent']);
    assertConfigOnly(await syncOnce(a, s.app, { meta: changed }), 'reconnect with that meta');
  });

  test('a serial moved between eligibility and commit falls back to the slow path (race)', async (t) => {
    let armed = false;
    let moveSerial = async (): Promise<void> => {};
    const s = await startFastPathServer(t, {
      overrides: {
        afterFastPathEligibility: async () => {
          if (!armed) return;
          armed = false;
          await moveSerial();
        },
      },
    });
    moveSerial = async () => {
      await createGroupService(s.seed.deps).create(s.seed.accountId, { name: 'moved-during-commit' });
    };
    const a = await s.enrol(META);
    const first = await syncOnce(a, s.app, { meta: META });
    assertFull(first, 'first Sync');
    armed = true;
    const stream = await a.sync({ meta: META });
    t.after(() => stream.close());
    const second = await stream.next();
    assert.equal(armed, false, 'the hook ran');
    // Unlike upstream's fallback (SEMANTICS.md §6.4), nothing marked the peer disconnected.
    await s.app.flushStatus();
    assert.equal((await s.app.store.findPeerByKey(a.publicKey))?.connected, true, 'still recorded as connected');
    stream.close();
    await waitForPeerDisconnect(s.app, a.publicKey);
    assertFull(second, 'Sync that lost the race');
    const now = await s.app.store.getAccountSerial(s.seed.accountId);
    assert.equal(Number(second.networkMap!.serial), now, 'the map carries the new serial');
    assert.ok(second.networkMap!.serial > first.networkMap!.serial);
    assert.equal(await readMetric(s.server.ports.metrics, 'roost_sync_requests_total', { path: 'slow', reason: 'race' }), 1);
    // The fallback recorded the new serial: the next reconnect is fast again.
    assertConfigOnly(await syncOnce(a, s.app, { meta: META }), 'reconnect after the race');
  });

  test('an entry past its TTL is a miss (peerSyncTtlMs, cache clock moved by hand)', async (t) => {
    const cacheClock = new ManualClock(Date.now());
    const cacheStore = new MemoryCacheStore({ clock: cacheClock });
    const s = await startFastPathServer(t, { overrides: { cacheStore, peerSyncTtlMs: 60_000 } });
    const a = await s.enrol(META);
    assertFull(await syncOnce(a, s.app, { meta: META }), 'first Sync');
    cacheClock.advance(59_999);
    assertConfigOnly(await syncOnce(a, s.app, { meta: META }), 'reconnect inside the TTL');
    // The fast path does not refresh the entry: it expires a TTL after the last full map.
    cacheClock.advance(1);
    assertFull(await syncOnce(a, s.app, { meta: META }), 'reconnect after the TTL');
    assert.equal(await readMetric(s.server.ports.metrics, 'roost_sync_requests_total', { path: 'slow', reason: 'cache_miss' }), 2);
  });

  test('a cache whose reads fail sends every Sync down the slow path, and Syncs succeed', async (t) => {
    const cacheStore = new FailingCacheStore(new MemoryCacheStore());
    cacheStore.failReads = true;
    const s = await startFastPathServer(t, { overrides: { cacheStore } });
    const a = await s.enrol(META);
    for (let i = 0; i < 3; i++) assertFull(await syncOnce(a, s.app, { meta: META }), `Sync #${i + 1}`);
    assert.equal(await readMetric(s.server.ports.metrics, 'roost_sync_requests_total', { path: 'slow', reason: 'cache_miss' }), 3);
    assert.equal(await readMetric(s.server.ports.metrics, 'roost_sync_requests_total', { path: 'fast', reason: 'none' }), undefined);
    // Once the cache reads again, the entry written meanwhile is honoured.
    cacheStore.failReads = false;
    assertConfigOnly(await syncOnce(a, s.app, { meta: META }), 'Sync with a healthy cache');
  });
});
