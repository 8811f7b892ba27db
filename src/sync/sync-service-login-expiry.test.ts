/** SyncService and login expiry: a peer marked expired is refused, and a streaming one is let go. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Registry } from 'prom-client';
import { isRoostError } from '../domain/errors.js';
import type { AccountSnapshot } from '../domain/model.js';
import { FastPathFlag } from '../flags/fast-path-flag.js';
import { createSessionMetrics } from '../metrics/session-metrics.js';
import { accountBuilder } from '../netmap/fixtures/account-builder.js';
import { AccountMaps } from './account-maps.js';
import type { LiveStream } from './live-stream.js';
import { toSyncPeer } from './peer-identities.js';
import { PeerRegistry } from './peer-registry.js';
import { SendGate } from './send-gate.js';
import { SyncService, type SyncRequest } from './sync-service.js';
import type { SyncMessage } from './sync-message.js';

const NOW = Date.UTC(2026, 0, 1);
const services = { signal: { proto: 'https', uri: 'signal.example:443', username: '', password: '' }, stuns: [], turn: { timeBasedCredentials: false, credentialsTtlMs: 0, secret: '', turns: [] }, relay: null } as never;
const build = (serial: number, ssoExpired: boolean) =>
  accountBuilder()
    .network('100.64.0.0/10', serial)
    .peer('a')
    .peer('sso', { userId: 'u1', loginExpirationEnabled: true, lastLogin: NOW - 60_000, loginExpired: ssoExpired })
    .allowAll()
    .build();

function service(initial: AccountSnapshot) {
  let current = initial;
  const registry = new PeerRegistry<LiveStream>();
  const sync = new SyncService({
    peers: { getAccount: async () => current.account, syncPeerMeta: async (key) => ({ peer: current.peers.find((p) => p.key === key)!, changed: false, mapChanged: false }) },
    identities: { find: async (key) => (p => p && toSyncPeer(p))(current.peers.find((p) => p.key === key)) },
    serials: { get: async () => current.account.network.serial },
    status: { record: () => {} },
    sends: new SendGate({ slots: 4, holdMs: 10, lingerBytes: 1 << 20, stallMs: 1_000 }),
    maps: new AccountMaps({ source: { loadAccountSnapshot: async () => current }, clock: { now: () => NOW }, dnsDomain: 'netbird.test' }),
    registry,
    services,
    fastPath: { flag: FastPathFlag.forced(false), cache: null, serials: { get: async () => 1 }, status: { record: () => {} } },
    clock: { now: () => NOW },
    log: { debug() {}, info() {}, warn() {}, error() {} },
    metrics: createSessionMetrics(new Registry()),
    maxConcurrentSetups: -1,
  });
  return { sync, registry, set: (s: AccountSnapshot) => (current = s) };
}

function client(key: string, meta: AccountSnapshot['peers'][number]['meta']) {
  const sent: SyncMessage[] = [];
  const abort = new AbortController();
  const req: SyncRequest = { peerKey: key, meta, hasMeta: true, connectionIp: '198.51.100.1', signal: abort.signal, send: async (m) => void sent.push(m), confirm: async () => true };
  return { req, sent, abort };
}

const until = async (cond: () => boolean) => {
  for (let i = 0; i < 1_000 && !cond(); i++) await new Promise((r) => setImmediate(r));
  assert.ok(cond(), 'condition not reached');
};

test('an SSO peer marked login-expired (e.g. for inactivity) is refused although its login time has not run out', async () => {
  const snap = build(1, true);
  const { sync } = service(snap);
  const c = client('key-sso', snap.peers.find((p) => p.id === 'sso')!.meta);
  await assert.rejects(sync.run(c.req), (err) => isRoostError(err, 'PermissionDenied') && err.message === 'peer login has expired, please log in once more');
  assert.equal(c.sent.length, 0);
});

test("a streaming SSO peer whose login is marked expired by a change ends normally, sent nothing more; others get the map", async () => {
  const first = build(1, false);
  const { sync, registry, set } = service(first);
  const sso = client('key-sso', first.peers.find((p) => p.id === 'sso')!.meta);
  const other = client('key-a', first.peers.find((p) => p.id === 'a')!.meta);
  const runs = [sync.run(sso.req), sync.run(other.req)];
  await until(() => sso.sent.length === 1 && other.sent.length === 1 && registry.size === 2);
  set(build(2, true));
  for (const id of ['sso', 'a']) registry.get(id)!.push({ kind: 'map', serial: 2 });
  await runs[0]; // resolves: the stream ends OK
  assert.equal(sso.sent.length, 1, 'no map for the expired peer');
  await until(() => other.sent.length === 2);
  assert.equal(other.sent[1]?.map?.serial, 2);
  other.abort.abort();
  await runs[1];
});
