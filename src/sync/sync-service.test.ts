import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Registry } from 'prom-client';
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

const snapshot = accountBuilder().peer('a').peer('b').allowAll().build();
const newer = accountBuilder().network('100.64.0.0/10', snapshot.account.network.serial + 1).peer('a').peer('b').allowAll().build();
let current = snapshot;
const services = { signal: { proto: 'https', uri: 'signal.example:443', username: '', password: '' }, stuns: [], turn: { timeBasedCredentials: false, credentialsTtlMs: 0, secret: '', turns: [] }, relay: null } as never;

function service() {
  const registry = new PeerRegistry<LiveStream>();
  const peers = new Map(snapshot.peers.map((p) => [p.key, toSyncPeer(p)]));
  const sync = new SyncService({
    peers: { getAccount: async () => snapshot.account, syncPeerMeta: async (key) => ({ peer: snapshot.peers.find((p) => p.key === key)!, changed: false, mapChanged: false }) },
    identities: { find: async (key) => peers.get(key) },
    serials: { get: async () => snapshot.account.network.serial },
    status: { record: () => {} },
    sends: new SendGate({ slots: 4, holdMs: 10, lingerBytes: 1 << 20, stallMs: 1_000 }),
    maps: new AccountMaps({ source: { loadAccountSnapshot: async () => current }, clock: { now: () => 0 }, dnsDomain: 'netbird.test' }),
    registry,
    services,
    fastPath: { flag: FastPathFlag.forced(false), cache: null, serials: { get: async () => 1 }, status: { record: () => {} } },
    clock: { now: () => Date.now() },
    log: { debug() {}, info() {}, warn() {}, error() {} },
    metrics: createSessionMetrics(new Registry()),
    maxConcurrentSetups: -1,
  });
  return { sync, registry };
}

/** A client that takes the first message, then stops reading: later writes wait until `ended` aborts. */
function stalledClient(key: string) {
  const sent: SyncMessage[] = [];
  const client = new AbortController();
  const req: SyncRequest = {
    peerKey: key,
    meta: snapshot.peers.find((p) => p.key === key)!.meta,
    hasMeta: true,
    connectionIp: '198.51.100.1',
    signal: client.signal,
    send(msg, ended) {
      sent.push(msg);
      if (sent.length === 1) return Promise.resolve();
      return new Promise<void>((_, reject) => ended?.addEventListener('abort', () => reject(new Error('stream closed')), { once: true }));
    },
  };
  return { req, sent, client };
}

test('a stream replaced while its client has stopped reading ends normally instead of waiting forever', { timeout: 10_000 }, async () => {
  const { sync, registry } = service();
  const first = stalledClient('key-a');
  const run1 = sync.run(first.req);
  for (let i = 0; i < 100 && first.sent.length === 0; i++) await new Promise((r) => setImmediate(r));
  assert.equal(first.sent.length, 1, 'first message delivered');
  current = newer;
  registry.get('a')!.push({ kind: 'map', serial: newer.account.network.serial }); // a push the client never reads
  for (let i = 0; i < 100 && first.sent.length < 2; i++) await new Promise((r) => setImmediate(r));
  assert.equal(first.sent.length, 2, 'the push is being written');

  const second = stalledClient('key-a');
  const run2 = sync.run(second.req); // the peer reconnects: the first stream is replaced
  await run1; // resolves (OK), although its client never read the push
  second.client.abort();
  await run2;
});
