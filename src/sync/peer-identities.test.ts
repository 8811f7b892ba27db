import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Peer } from '../domain/model.js';
import { accountBuilder, testMeta } from '../netmap/fixtures/account-builder.js';
import { PeerIdentities, updatingIdentities } from './peer-identities.js';

function fakeStore(peers: Peer[]) {
  const calls = { find: 0, list: 0 };
  let listGate: Promise<void> = Promise.resolve();
  return {
    calls,
    peers,
    holdLists(gate: Promise<void>) {
      listGate = gate;
    },
    async findPeerByKey(key: string) {
      calls.find++;
      return peers.find((p) => p.key === key);
    },
    async listPeers(accountId: string) {
      calls.list++;
      const snapshot = peers.filter((p) => p.accountId === accountId);
      await listGate;
      return snapshot;
    },
  };
}

const until = async (cond: () => boolean) => {
  for (let i = 0; i < 1_000 && !cond(); i++) await new Promise((r) => setImmediate(r));
  assert.ok(cond());
};

const snapshot = accountBuilder().peer('a', { meta: testMeta({ goOS: 'android' }) }).peer('b').peer('sso', { userId: 'u1' }).build();

test('a miss reads the store once and warms the whole account in one list', async () => {
  const store = fakeStore([...snapshot.peers]);
  const ids = new PeerIdentities(store);
  const a = await ids.find('key-a');
  assert.deepEqual({ id: a?.id, goOS: a?.goOS }, { id: 'a', goOS: 'android' });
  await until(() => ids.size === 2);
  assert.equal((await ids.find('key-b'))?.id, 'b');
  assert.equal((await ids.find('key-a'))?.id, 'a');
  assert.deepEqual(store.calls, { find: 1, list: 1 });
});

test('SSO peers are never cached; unknown keys are undefined', async () => {
  const store = fakeStore([...snapshot.peers]);
  const ids = new PeerIdentities(store);
  assert.equal((await ids.find('key-sso'))?.userId, 'u1');
  assert.equal((await ids.find('key-sso'))?.userId, 'u1');
  assert.equal(await ids.find('nope'), undefined);
  assert.equal(store.calls.find, 3);
});

test('forget sends the next read to the store (Login, meta update, deletion)', async () => {
  const store = fakeStore([...snapshot.peers]);
  const ids = new PeerIdentities(store);
  await ids.find('key-a');
  ids.forget('key-a');
  store.peers.splice(store.peers.findIndex((p) => p.key === 'key-a'), 1);
  assert.equal(await ids.find('key-a'), undefined, 'deleted peer is not admitted from memory');
});

test('a warm-up load that overlaps a forget is discarded', async () => {
  const store = fakeStore([...snapshot.peers]);
  let release!: () => void;
  store.holdLists(new Promise<void>((r) => (release = r)));
  const ids = new PeerIdentities(store);
  await ids.find('key-a');
  ids.forget('key-b'); // e.g. deleted while the list was in flight
  release();
  await until(() => store.calls.list === 1);
  await new Promise((r) => setImmediate(r));
  assert.equal(ids.size, 1, 'only the single read of a is kept, not the stale list');
  await ids.find('key-b');
  assert.equal(store.calls.find, 2, 'b is read from the store');
});

test('capacity evicts the oldest entry', async () => {
  const store = fakeStore([...snapshot.peers]);
  store.holdLists(new Promise<void>(() => {})); // no warm-up
  const ids = new PeerIdentities(store, 1);
  await ids.find('key-a');
  await ids.find('key-b');
  assert.equal(ids.size, 1);
  await ids.find('key-b');
  assert.equal(store.calls.find, 2, 'b stayed');
  await ids.find('key-a');
  assert.equal(store.calls.find, 3, 'a was evicted');
});

test('update replaces the entry, and a read that was in flight does not overwrite it', async () => {
  const store = fakeStore([...snapshot.peers]);
  store.holdLists(new Promise<void>(() => {}));
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const old = store.peers.find((p) => p.key === 'key-a')!;
  const ids = new PeerIdentities({
    findPeerByKey: async (key) => {
      await gate;
      return store.findPeerByKey(key);
    },
    listPeers: store.listPeers,
  });
  const reading = ids.find('key-a'); // reads the old OS...
  ids.update({ ...old, meta: { ...old.meta, goOS: 'linux' } }); // ...while a Login stores a new one
  release();
  assert.equal((await reading)?.goOS, 'android', 'the read returns what it read');
  assert.equal((await ids.find('key-a'))?.goOS, 'linux', 'memory keeps the update');
  ids.update({ ...old, userId: 'u9' });
  assert.equal(ids.size, 0, 'an SSO peer is not kept');
});

/** The snapshot's account and a second one (peer x), both warmed: 3 cached (the SSO peer never is). */
async function twoWarmAccounts() {
  const other = { ...accountBuilder().peer('x').build().peers[0]!, accountId: 'acc-2' };
  const store = fakeStore([...snapshot.peers, other]);
  const ids = new PeerIdentities(store);
  await ids.find('key-a');
  await ids.find('key-x');
  await until(() => ids.size === 3);
  return { store, ids };
}

test('forgetAccount drops every peer of the account and warms it again on the next miss', async () => {
  const { store, ids } = await twoWarmAccounts();
  ids.forgetAccount(snapshot.account.id);
  assert.equal(ids.size, 1, 'the other account stays');
  store.peers.splice(store.peers.findIndex((p) => p.key === 'key-b'), 1);
  assert.equal(await ids.find('key-b'), undefined, 'a peer deleted meanwhile is not admitted from memory');
  assert.equal((await ids.find('key-a'))?.id, 'a');
  await until(() => store.calls.list === 3);
});

test('forgetAll drops every peer, so a login generation moved unheard is read again', async () => {
  const { store, ids } = await twoWarmAccounts();
  // A Login on another process while this one was off the bus: only the generation moved.
  const i = store.peers.findIndex((p) => p.key === 'key-b');
  store.peers[i] = { ...store.peers[i]!, loginGeneration: store.peers[i]!.loginGeneration + 1 };
  ids.forgetAll();
  assert.equal(ids.size, 0);
  assert.equal((await ids.find('key-b'))?.loginGeneration, store.peers[i]!.loginGeneration);
  await until(() => store.calls.list === 3);
});

test('updatingIdentities hands the stored peer to the cache and to the announcer', async () => {
  const peer = snapshot.peers[0]!;
  const seen: string[] = [];
  const announced: number[] = [];
  const calls = updatingIdentities(
    {
      registerPeer: async (_: never) => ({ peer }),
      loginPeer: async (_: never) => ({ ...peer, loginGeneration: 7 }),
      syncPeerMeta: async (_k: string, _m: never) => ({ peer }),
    },
    { update: (p) => seen.push(p.id) },
    (p) => announced.push(p.loginGeneration),
  );
  await calls.loginPeer(undefined as never);
  await calls.registerPeer(undefined as never);
  await calls.syncPeerMeta('k', undefined as never);
  assert.deepEqual(seen, [peer.id, peer.id, peer.id]);
  assert.deepEqual(announced, [7, peer.loginGeneration, peer.loginGeneration]);
});
