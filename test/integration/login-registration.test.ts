/**
 * Login end to end (PROTOCOL.md §5, SEMANTICS.md §3): registration with setup keys of every
 * kind and state, the status codes clients depend on, and the shape of LoginResponse.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { ManualClock } from '../../src/domain/clock.js';
import { createSetupKeyService } from '../../src/domain/setup-keys/setup-key-service.js';
import { GrpcCallError, TestAgent, linuxMeta, status } from '../harness/test-agent.js';
import { startSeededServer } from '../harness/seeded-server.js';

const ADDRESS_16 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/16$/;

const fixture = startSeededServer;

/** The gRPC status a call failed with (fails the test if it succeeded). */
async function codeOf(call: Promise<unknown>): Promise<status> {
  try {
    await call;
  } catch (err) {
    if (err instanceof GrpcCallError) return err.code;
    throw err;
  }
  assert.fail('call succeeded, an error status was expected');
}

test('two peers register with a reusable key and see each other', async (t) => {
  const f = await fixture(t);
  const key = await f.seed.setupKey({ type: 'reusable' });
  const a = f.agent();
  const b = f.agent();
  await a.register(key.plain, linuxMeta('alpha'));
  await b.register(key.plain, linuxMeta('bravo'));
  const sa = await a.sync({ meta: linuxMeta('alpha') });
  const sb = await b.sync({ meta: linuxMeta('bravo') });
  t.after(() => {
    sa.close();
    sb.close();
  });
  const ma = (await sa.next()).networkMap!;
  const mb = (await sb.next()).networkMap!;
  assert.deepEqual(
    ma.remotePeers.map((p) => p.wgPubKey),
    [b.publicKey],
  );
  assert.deepEqual(
    mb.remotePeers.map((p) => p.wgPubKey),
    [a.publicKey],
  );
  assert.equal(ma.remotePeers[0]!.fqdn, 'bravo.netbird.selfhosted');
  assert.equal(mb.remotePeers[0]!.allowedIps[0], ma.peerConfig!.address.replace('/16', '/32'));
  const stored = await f.seed.deps.store.repos.setupKeys.get(f.seed.accountId, key.id);
  assert.equal(stored?.usedTimes, 2);
});

test('a one-off key registers exactly one peer; the second gets NOT_FOUND', async (t) => {
  const f = await fixture(t);
  const key = await f.seed.setupKey({ type: 'one-off' });
  await f.agent().register(key.plain, linuxMeta('first'));
  const second = f.agent();
  assert.equal(await codeOf(second.register(key.plain, linuxMeta('second'))), status.NOT_FOUND);
  assert.equal(await f.server.app.store.findPeerByKey(second.publicKey), undefined);
});

test('an expired key (injected clock moved past expiresIn) gets NOT_FOUND; before expiry it works', async (t) => {
  const clock = new ManualClock(Date.UTC(2026, 2, 1));
  const f = await fixture(t, { clock });
  const key = await f.seed.setupKey({ expiresIn: 60 });
  await f.agent().register(key.plain, linuxMeta('early'));
  clock.advance(60_000);
  // Still valid at exactly expiresAt (expired only when now > expiresAt).
  await f.agent().register(key.plain, linuxMeta('on-time'));
  clock.advance(1);
  const late = f.agent();
  assert.equal(await codeOf(late.register(key.plain, linuxMeta('late'))), status.NOT_FOUND);
  assert.equal(await f.server.app.store.findPeerByKey(late.publicKey), undefined);
});

test('a revoked key gets NOT_FOUND', async (t) => {
  const f = await fixture(t);
  const key = await f.seed.setupKey();
  await createSetupKeyService(f.seed.deps).update(f.seed.accountId, key.id, { autoGroups: [], revoked: true });
  assert.equal(await codeOf(f.agent().register(key.plain, linuxMeta('revoked'))), status.NOT_FOUND);
});

test('a reusable key whose usage limit is reached gets NOT_FOUND', async (t) => {
  const f = await fixture(t);
  const key = await f.seed.setupKey({ usageLimit: 2 });
  await f.agent().register(key.plain, linuxMeta('one'));
  await f.agent().register(key.plain, linuxMeta('two'));
  assert.equal(await codeOf(f.agent().register(key.plain, linuxMeta('three'))), status.NOT_FOUND);
  const stored = await f.seed.deps.store.repos.setupKeys.get(f.seed.accountId, key.id);
  assert.equal(stored?.usedTimes, 2);
});

test('an unknown setup key gets NOT_FOUND', async (t) => {
  const f = await fixture(t);
  await f.seed.setupKey();
  assert.equal(await codeOf(f.agent().register(randomUUID(), linuxMeta('stranger'))), status.NOT_FOUND);
});

test('the setup key is accepted in upper and in lower case', async (t) => {
  const f = await fixture(t);
  const key = await f.seed.setupKey();
  assert.equal(key.plain, key.plain.toLowerCase());
  const lower = await f.agent().register(key.plain, linuxMeta('lower'));
  const upper = await f.agent().register(key.plain.toUpperCase(), linuxMeta('upper'));
  assert.match(lower.peerConfig!.address, ADDRESS_16);
  assert.match(upper.peerConfig!.address, ADDRESS_16);
  assert.notEqual(lower.peerConfig!.address, upper.peerConfig!.address);
});

test('an unknown peer without a setup key gets PERMISSION_DENIED (the cue to register)', async (t) => {
  const f = await fixture(t);
  assert.equal(await codeOf(f.agent().login({ meta: linuxMeta('nokey') })), status.PERMISSION_DENIED);
});

test('a Login without meta gets FAILED_PRECONDITION, for known and unknown peers', async (t) => {
  const f = await fixture(t);
  const key = await f.seed.setupKey();
  assert.equal(await codeOf(f.agent().login({ setupKey: key.plain, meta: null })), status.FAILED_PRECONDITION);
  const known = f.agent();
  await known.register(key.plain, linuxMeta('known'));
  assert.equal(await codeOf(known.login({ meta: null })), status.FAILED_PRECONDITION);
});

test('LoginResponse carries signal and peerConfig; re-login keeps the address and ignores a key', async (t) => {
  const f = await fixture(t);
  const key = await f.seed.setupKey({ type: 'one-off' });
  const a = f.agent();
  const first = await a.register(key.plain, linuxMeta('Charlie Host.local'));
  assert.ok(first.netbirdConfig?.signal?.uri, 'netbirdConfig.signal is set');
  assert.equal(first.netbirdConfig.signal.uri, f.server.config.signal.uri);
  const address = first.peerConfig?.address ?? '';
  const octets = ADDRESS_16.exec(address);
  assert.ok(octets, `address ${address} is a.b.c.d/16`);
  assert.ok(octets.slice(1).every((o) => Number(o) <= 255));
  assert.equal(first.peerConfig!.fqdn, 'charlie-host.netbird.selfhosted');

  const again = await a.login({ meta: linuxMeta('Charlie Host.local') });
  assert.equal(again.peerConfig?.address, address);
  assert.equal(again.peerConfig?.fqdn, first.peerConfig!.fqdn);
  assert.ok(again.netbirdConfig?.signal?.uri);
  // A setup key on the login of a registered peer is ignored: the used-up one-off key is fine.
  const withKey = await a.login({ setupKey: key.plain, meta: linuxMeta('Charlie Host.local') });
  assert.equal(withKey.peerConfig?.address, address);
  const peers = await f.seed.deps.store.repos.peers.list(f.seed.accountId);
  assert.equal(peers.length, 1);

  // Once a Sync has loaded the account, Login answers from the full map: the same PeerConfig.
  const s = await a.sync({ meta: linuxMeta('Charlie Host.local') });
  t.after(() => s.close());
  const synced = (await s.next()).networkMap!.peerConfig;
  const afterSync = await a.login({ meta: linuxMeta('Charlie Host.local') });
  assert.deepEqual(afterSync.peerConfig, synced);
  assert.deepEqual(again.peerConfig, synced);
});

test('extra DNS labels: refused (FAILED_PRECONDITION) unless the setup key allows them', async (t) => {
  const f = await fixture(t);
  const strict = await f.seed.setupKey();
  assert.equal(await codeOf(f.agent().login({ setupKey: strict.plain, meta: linuxMeta('labels'), dnsLabels: ['extra'] })), status.FAILED_PRECONDITION);
  const lenient = await f.seed.setupKey({ allowExtraDnsLabels: true });
  const ok = await f.agent().login({ setupKey: lenient.plain, meta: linuxMeta('labelled'), dnsLabels: ['extra'] });
  assert.match(ok.peerConfig!.address, ADDRESS_16);
});

test('SyncMeta and Logout of an unknown peer get PERMISSION_DENIED; SyncMeta without meta FAILED_PRECONDITION', async (t) => {
  const f = await fixture(t);
  const stranger = f.agent();
  assert.equal(await codeOf(stranger.syncMeta(linuxMeta('stranger'))), status.PERMISSION_DENIED);
  assert.equal(await codeOf(stranger.logout()), status.PERMISSION_DENIED);
  const key = await f.seed.setupKey();
  const known = f.agent();
  await known.register(key.plain, linuxMeta('known'));
  assert.equal(await codeOf(known.syncMeta(undefined as unknown as Parameters<TestAgent['syncMeta']>[0])), status.FAILED_PRECONDITION);
});

test('an SSO-added peer whose login expired gets PERMISSION_DENIED on Login and Sync', async (t) => {
  const clock = new ManualClock(Date.UTC(2026, 4, 1));
  const f = await fixture(t, { clock });
  const key = await f.seed.setupKey();
  const a = f.agent();
  await a.register(key.plain, linuxMeta('sso'));
  // Fixture: only SSO-added peers expire; setup-key peers never do.
  const peer = await f.server.app.store.findPeerByKey(a.publicKey);
  assert.ok(peer);
  await f.seed.deps.store.repos.peers.update({ ...peer, userId: f.seed.ownerId, loginExpirationEnabled: true });
  await a.login({ meta: linuxMeta('sso') });
  const account = await f.server.app.store.getAccount(f.seed.accountId);
  clock.advance(account!.settings.peerLoginExpiration * 1000);
  assert.equal(await codeOf(a.login({ meta: linuxMeta('sso') })), status.PERMISSION_DENIED);
  assert.equal(await (await a.sync({ meta: linuxMeta('sso') })).ended_(), status.PERMISSION_DENIED);
});
