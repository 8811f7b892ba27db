import assert from 'node:assert/strict';
import { test } from 'node:test';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Registry } from 'prom-client';
import { FastPathFlag } from '../flags/fast-path-flag.js';
import { createSessionMetrics } from '../metrics/session-metrics.js';
import { accountBuilder } from '../netmap/fixtures/account-builder.js';
import { AccountMaps } from './account-maps.js';
import type { PeerSyncEntry } from '../cache/peer-sync-entry.js';
import type { FastPathDeps } from './fast-path.js';
import type { LiveStream } from './live-stream.js';
import { metaHash } from './meta-hash.js';
import { toSyncPeer } from './peer-identities.js';
import { PeerRegistry } from './peer-registry.js';
import { SendGate } from './send-gate.js';
import { SyncService, type SyncRequest } from './sync-service.js';
import type { SyncMessage } from './sync-message.js';

const snapshot = accountBuilder().peer('a').peer('b').allowAll().build();
const newer = accountBuilder().network('100.64.0.0/10', snapshot.account.network.serial + 1).peer('a').peer('b').allowAll().build();
let current = snapshot;
const services = { signal: { proto: 'https', uri: 'signal.example:443', username: '', password: '' }, stuns: [], turn: { timeBasedCredentials: false, credentialsTtlMs: 0, secret: '', turns: [] }, relay: null } as never;

function service(fastPath: Partial<FastPathDeps> = {}, maxConcurrentSetups = -1) {
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
    fastPath: { flag: FastPathFlag.forced(false), cache: null, serials: { get: async () => 1 }, status: { record: () => {} }, ...fastPath },
    clock: { now: () => Date.now() },
    log: { debug() {}, info() {}, warn() {}, error() {} },
    metrics: createSessionMetrics(new Registry()),
    maxConcurrentSetups,
  });
  return { sync, registry };
}

/** A Sync request of peer `key` (its meta from the snapshot) over the transport `io`. */
function requestOf(key: string, signal: AbortSignal, io: Pick<SyncRequest, 'send' | 'confirm'>): SyncRequest {
  return { peerKey: key, meta: snapshot.peers.find((p) => p.key === key)!.meta, hasMeta: true, connectionIp: '198.51.100.1', signal, ...io };
}

/** A client that takes the first message, then stops reading: later writes wait until `ended` aborts. */
function stalledClient(key: string) {
  const sent: SyncMessage[] = [];
  const client = new AbortController();
  const req = requestOf(key, client.signal, {
    send(msg, ended) {
      sent.push(msg);
      if (sent.length === 1) return Promise.resolve();
      return new Promise<void>((_, reject) => ended?.addEventListener('abort', () => reject(new Error('stream closed')), { once: true }));
    },
    confirm: async () => true,
  });
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

/** A peer-sync cache that logs every call, in order, next to the client's own events. */
function loggingCache(log: string[], initial?: PeerSyncEntry) {
  const entries = new Map<string, PeerSyncEntry>(initial ? [['key-a', initial]] : []);
  return {
    entries,
    cache: {
      get: async (k: string) => entries.get(k),
      set: async (k: string, e: PeerSyncEntry) => void (log.push(`set ${e.serial} gen ${e.loginGeneration ?? 0}`), entries.set(k, e)),
      delete: async (k: string) => void (log.push('delete'), entries.delete(k)),
    },
  };
}

/** A client whose transport confirms (or not) each full map it is sent. */
function confirmingClient(log: string[], confirms: boolean) {
  const client = new AbortController();
  const req = requestOf('key-a', client.signal, {
    send: async (msg) => void log.push(msg.map ? `send map ${msg.map.serial}` : 'send config'),
    confirm: async () => (log.push(`confirm ${confirms}`), confirms),
  });
  return { req, client };
}

const until = async (cond: () => boolean) => {
  for (let i = 0; i < 1_000 && !cond(); i++) await new Promise((r) => setImmediate(r));
  assert.ok(cond(), 'condition not reached');
};

test('a full map: the entry is dropped before the send and written only once the client confirmed it', async () => {
  const cases = [
    { name: 'confirmed', confirms: true, expectEntry: true },
    { name: 'unconfirmed (bytes lost)', confirms: false, expectEntry: false },
  ];
  for (const c of cases) {
    current = snapshot;
    const log: string[] = [];
    const serial = snapshot.account.network.serial;
    // A stale entry (other meta) that must not survive the send.
    const { cache, entries } = loggingCache(log, { serial, metaHash: '1' });
    const { sync, registry } = service({ flag: FastPathFlag.forced(true), cache, serials: { get: async () => serial } });
    const { req, client } = confirmingClient(log, c.confirms);
    const run = sync.run(req);
    await until(() => log.includes(`confirm ${c.confirms}`) && registry.get('a') !== undefined);
    await until(() => !c.confirms || entries.has('key-a'));
    assert.deepEqual(log, ['delete', `send map ${serial}`, `confirm ${c.confirms}`, ...(c.expectEntry ? [`set ${serial} gen 0`] : [])], c.name);
    assert.equal(entries.has('key-a'), c.expectEntry, c.name);

    // A streamed update: the same order again.
    log.length = 0;
    current = newer;
    registry.get('a')!.push({ kind: 'map', serial: newer.account.network.serial });
    await until(() => log.includes(`confirm ${c.confirms}`));
    await until(() => !c.confirms || entries.get('key-a')?.serial === newer.account.network.serial);
    assert.deepEqual(log, ['delete', `send map ${newer.account.network.serial}`, `confirm ${c.confirms}`, ...(c.expectEntry ? [`set ${newer.account.network.serial} gen 0`] : [])], c.name);
    client.abort();
    await run;
  }
});

test('no confirmation is asked for while the switch is off', async () => {
  current = snapshot;
  const log: string[] = [];
  const { cache, entries } = loggingCache(log);
  const { sync, registry } = service({ flag: FastPathFlag.forced(false), cache });
  const { req, client } = confirmingClient(log, true);
  const run = sync.run(req);
  await until(() => log.some((l) => l.startsWith('send map')) && registry.get('a') !== undefined);
  client.abort();
  await run;
  assert.deepEqual(log, ['delete', `send map ${snapshot.account.network.serial}`]);
  assert.equal(entries.size, 0);
});

test('fast-path answers whose cache reads complete together never count as concurrent set-ups', async () => {
  current = snapshot;
  const serial = snapshot.account.network.serial;
  // One pipelined reply for the whole storm: every cache read resolves at the same moment.
  let release!: () => void;
  const together = new Promise<void>((r) => (release = r));
  const entryOf = (key: string): PeerSyncEntry => ({ serial, metaHash: metaHash(snapshot.peers.find((p) => p.key === key)!.meta), checks: [] });
  const cache = { get: async (key: string) => (await together, entryOf(key)), set: async () => {}, delete: async () => {} };
  const serials = { get: async () => serial, peek: () => serial };
  // A limit of one set-up in flight, and every peer of the account reconnecting at once.
  const { sync } = service({ flag: FastPathFlag.forced(true), cache, serials }, 1);
  const sent: string[] = [];
  const clients = snapshot.peers.map((p) => {
    const client = new AbortController();
    const req = requestOf(p.key, client.signal, {
      send: async (msg) => void sent.push(msg.map ? 'map' : 'config'),
      confirm: async () => true,
    });
    return { client, run: sync.run(req).then(() => 'ok', (e: Error) => e.message) };
  });
  release();
  await until(() => sent.length === clients.length);
  for (const c of clients) c.client.abort();
  assert.deepEqual(await Promise.all(clients.map((c) => c.run)), clients.map(() => 'ok'));
  assert.deepEqual(sent, clients.map(() => 'config'), 'every peer answered on the fast path, none refused');
});

/** V8's collector on demand (the flag may be set at run time; the function is then reachable from a fresh context). */
function forceGc(): () => void {
  v8.setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

test('a sent map is not held while its write and the client’s confirmation are pending (it would be promoted by the collector)', async () => {
  const gc = forceGc();
  const serial = snapshot.account.network.serial;
  const log: string[] = [];
  const { cache } = loggingCache(log);
  const { sync, registry } = service({ flag: FastPathFlag.forced(true), cache, serials: { get: async () => serial } });
  const maps: WeakRef<object>[] = [];
  let writes = 0;
  let confirms = 0;
  const pending: (() => void)[] = [];
  const client = new AbortController();
  // The transport takes its time: the write, then the confirmation, wait for the test.
  const req = requestOf('key-a', client.signal, {
    send: (msg) => {
      if (msg.map) maps.push(new WeakRef(msg.map));
      writes++;
      return new Promise<void>((r) => pending.push(r));
    },
    confirm: () => (confirms++, new Promise<boolean>((r) => pending.push(() => r(true)))),
  });
  current = snapshot;
  const run = sync.run(req);
  const collectedWhile = async (what: string, reached: () => boolean) => {
    await until(reached);
    await new Promise((r) => setImmediate(r));
    gc();
    assert.equal(maps.at(-1)!.deref(), undefined, `the map is garbage while ${what}`);
    pending.shift()!();
  };
  await collectedWhile('the first map is being written', () => writes === 1);
  await collectedWhile('the client has not confirmed the first map', () => confirms === 1);
  await until(() => registry.get('a') !== undefined && log.length === 2);
  current = newer;
  registry.get('a')!.push({ kind: 'map', serial: newer.account.network.serial });
  await collectedWhile('a pushed map is being written', () => writes === 2);
  await collectedWhile('the client has not confirmed the pushed map', () => confirms === 2);
  await until(() => log.includes(`set ${newer.account.network.serial} gen 0`));
  client.abort();
  await run;
});
