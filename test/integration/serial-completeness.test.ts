/**
 * Every change that alters what a peer sees about another peer moves the account serial, so a
 * streaming peer receives a map with a higher serial — including the cases where upstream pushes
 * without a bump (SEMANTICS.md §5.1/§5.6: SSH key at login, version changes, IP change) and the
 * fast path would otherwise keep a stale map.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ManualClock } from '../../src/domain/clock.js';
import type { Peer } from '../../src/domain/model.js';
import { createAccountService } from '../../src/domain/accounts/account-service.js';
import { createPeerLifecycle, createPeerService } from '../../src/domain/peers/peer-service.js';
import type { NetworkMap, RemotePeerConfig } from '../../src/gen/management_pb.js';
import { MapWatch } from '../harness/map-watch.js';
import { seedAccount, type Seeded } from '../harness/seed.js';
import { TestAgent, linuxMeta, type MetaInit } from '../harness/test-agent.js';
import { startTestServer, type TestServer } from '../harness/test-server.js';

const SSH_1 = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBravoKeyOne';
const SSH_2 = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBravoKeyTwo';
const dec = new TextDecoder();

interface Pair {
  readonly server: TestServer;
  readonly seed: Seeded;
  /** Streaming peer A. */
  readonly wa: MapWatch;
  /** Registered (not streaming) peer B. */
  readonly b: TestAgent;
  readonly bPeer: Peer;
  readonly bMeta: MetaInit;
}

/** A streams, B is registered with an SSH key and version 0.70.0; A's first map lists B. */
async function pair(t: { after(fn: () => unknown): void }, clock?: ManualClock): Promise<Pair> {
  const server = await startTestServer({ overrides: clock ? { clock } : {} });
  const a = new TestAgent(server.grpcTarget);
  const b = new TestAgent(server.grpcTarget);
  const closers: (() => void)[] = [() => a.close(), () => b.close()];
  t.after(async () => {
    for (const c of closers) c();
    await server.stop();
  });
  const seed = await seedAccount(server.app);
  const key = await seed.setupKey();
  const bMeta = linuxMeta('bravo', { netbirdVersion: '0.70.0' });
  await a.register(key.plain, linuxMeta('alpha'));
  await b.register(key.plain, bMeta, SSH_1);
  const s = await a.sync({ meta: linuxMeta('alpha') });
  closers.unshift(() => s.close());
  const wa = new MapWatch(s);
  await wa.first();
  const bPeer = await server.app.store.findPeerByKey(b.publicKey);
  assert.ok(bPeer);
  const seen = remoteB(wa.initial!.networkMap!, b);
  assert.equal(seen?.agentVersion, '0.70.0');
  assert.equal(dec.decode(seen?.sshConfig?.sshPubKey), SSH_1);
  return { server, seed, wa, b, bPeer, bMeta };
}

function remoteB(m: NetworkMap, b: TestAgent): RemotePeerConfig | undefined {
  return m.remotePeers.find((p) => p.wgPubKey === b.publicKey);
}

/** A's next map where B satisfies `pred`; asserts it has a higher serial than A held before. */
async function nextMapWhereB(p: Pair, pred: (rb: RemotePeerConfig | undefined, m: NetworkMap) => boolean): Promise<NetworkMap> {
  const before = p.wa.lastSerial;
  const map = await p.wa.map((m) => pred(remoteB(m, p.b), m));
  assert.ok(map.serial > before, `serial ${map.serial} > ${before}`);
  assert.equal(BigInt((await p.server.app.store.getAccountSerial(p.seed.accountId)) ?? -1), map.serial, 'the map is at the current serial');
  return map;
}

test("another peer's SSH key change at Login moves the serial and reaches A", async (t) => {
  const p = await pair(t);
  await p.b.login({ meta: p.bMeta, sshKey: SSH_2 });
  await nextMapWhereB(p, (rb) => rb !== undefined && dec.decode(rb.sshConfig?.sshPubKey) === SSH_2);
});

test("another peer's netbirdVersion change via SyncMeta moves the serial and reaches A", async (t) => {
  const p = await pair(t);
  await p.b.syncMeta({ ...p.bMeta, netbirdVersion: '0.71.0' });
  await nextMapWhereB(p, (rb) => rb?.agentVersion === '0.71.0');
});

test("another peer's netbirdVersion change via Login meta moves the serial and reaches A", async (t) => {
  const p = await pair(t);
  await p.b.login({ meta: { ...p.bMeta, netbirdVersion: '0.72.0' }, sshKey: SSH_1 });
  await nextMapWhereB(p, (rb) => rb?.agentVersion === '0.72.0');
});

test("another peer's netbirdVersion change in its Sync request moves the serial and reaches A", async (t) => {
  const p = await pair(t);
  const sb = await p.b.sync({ meta: { ...p.bMeta, netbirdVersion: '0.73.0' } });
  t.after(() => sb.close());
  await sb.next();
  await nextMapWhereB(p, (rb) => rb?.agentVersion === '0.73.0');
});

test("another peer's IP change via the domain peer update moves the serial and reaches A", async (t) => {
  const p = await pair(t);
  const [o1, o2] = p.bPeer.ip.split('.');
  const taken = new Set((await p.seed.deps.store.repos.peers.list(p.seed.accountId)).map((x) => x.ip));
  const ip = [`${o1}.${o2}.250.250`, `${o1}.${o2}.250.251`].find((x) => !taken.has(x))!;
  await createPeerService(p.seed.deps).update(p.seed.accountId, p.bPeer.id, { ip });
  const map = await nextMapWhereB(p, (rb) => rb?.allowedIps[0] === `${ip}/32`);
  assert.ok(map.firewallRules.some((r) => r.peerIp === ip), 'firewall rules follow the new IP');
});

test("another peer's rename moves the serial and reaches A with its new FQDN", async (t) => {
  const p = await pair(t);
  await createPeerService(p.seed.deps).update(p.seed.accountId, p.bPeer.id, { name: 'Build Box' });
  await nextMapWhereB(p, (rb) => rb?.fqdn === 'build-box.netbird.selfhosted');
});

test('a new account network range re-addresses every peer: A gets its own new address and B\'s', async (t) => {
  const p = await pair(t);
  const own = p.wa.initial!.networkMap!.peerConfig!.address;
  const range = own.startsWith('100.99.') ? '100.98.0.0/16' : '100.99.0.0/16';
  const prefix = range.slice(0, range.indexOf('0.0/'));
  await createAccountService(p.seed.deps).updateSettings(p.seed.accountId, { networkRange: range });
  const map = await nextMapWhereB(p, (rb, m) => (rb?.allowedIps[0] ?? '').startsWith(prefix) && (m.peerConfig?.address ?? '').startsWith(prefix));
  assert.match(map.peerConfig!.address, /\/16$/);
});

test('deleting another peer moves the serial and removes it from A', async (t) => {
  const p = await pair(t);
  await createPeerLifecycle(p.seed.deps).deletePeer(p.seed.accountId, p.bPeer.id);
  await nextMapWhereB(p, (rb) => rb === undefined);
});

test("another peer's login expiry (expirePeerLogins) moves the serial and shows it offline to A", async (t) => {
  const clock = new ManualClock(Date.UTC(2026, 3, 1));
  const p = await pair(t, clock);
  // Fixture: make B an SSO-added peer (setup-key peers never expire); no serial bump here.
  await p.seed.deps.store.repos.peers.update({ ...p.bPeer, userId: p.seed.ownerId, loginExpirationEnabled: true });
  const account = await p.server.app.store.getAccount(p.seed.accountId);
  assert.ok(account?.settings.peerLoginExpirationEnabled);
  clock.advance(account.settings.peerLoginExpiration * 1000 + 1);
  const expired = await createPeerLifecycle(p.seed.deps).expirePeerLogins(p.seed.accountId);
  assert.deepEqual(
    expired.map((x) => x.id),
    [p.bPeer.id],
  );
  const map = await nextMapWhereB(p, (rb) => rb === undefined);
  assert.deepEqual(
    map.offlinePeers.map((x) => x.wgPubKey),
    [p.b.publicKey],
  );
});
