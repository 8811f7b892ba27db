import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PeerActivity, type ActivityKind, type ActivityPeer } from './peer-activity.js';

const PEERS: Record<string, ActivityPeer> = {
  sso: { accountId: 'A', userId: 'u1', ephemeral: false },
  eph: { accountId: 'A', userId: '', ephemeral: true },
  key: { accountId: 'A', userId: '', ephemeral: false },
  other: { accountId: 'B', userId: '', ephemeral: false },
};

function setup() {
  const errors: unknown[] = [];
  const lookups: string[] = [];
  const activity = new PeerActivity({
    findPeer: async (key) => {
      lookups.push(key);
      if (key === 'broken') throw new Error('store down');
      return PEERS[key];
    },
    onError: (err) => errors.push(err),
  });
  const seen: [string, ActivityKind][] = [];
  const unsubscribe = activity.subscribe((id, kind) => seen.push([id, kind]));
  return { activity, seen, errors, lookups, unsubscribe };
}

test('status writes name the accounts of SSO and ephemeral peers; the first of an account names it once', async () => {
  const { activity, seen, errors } = setup();
  await activity.connectionsChanged(['key', 'sso', 'eph', 'key', 'other', 'other', 'unknown', 'broken']);
  assert.deepEqual(seen, [
    ['A', 'account'],
    ['A', 'sso-peer'],
    ['A', 'ephemeral-peer'],
    ['B', 'account'],
  ]);
  assert.equal(errors.length, 1, 'a failed lookup is reported and skipped');
  seen.length = 0;
  await activity.connectionsChanged(['key', 'other']);
  assert.deepEqual(seen, [], 'setup-key peers of known accounts concern no job');
});

test('committed changes and settings updates name their account', async () => {
  const { activity, seen } = setup();
  activity.accountChanged('A');
  const accounts = activity.watchingSettings({ get: (id: string) => id, updateSettings: async (id: string, patch: { x: number }) => `${id}:${patch.x}` });
  assert.equal(await accounts.updateSettings('B', { x: 1 }), 'B:1');
  assert.equal(accounts.get('C'), 'C', 'the other methods are kept');
  assert.deepEqual(seen, [
    ['A', 'account'],
    ['B', 'account'],
  ]);
  await assert.rejects(activity.watchingSettings({ updateSettings: async (_id: string, _patch: object) => Promise.reject(new Error('bad input')) }).updateSettings('C', {}));
  assert.equal(seen.length, 2, 'a refused update names nothing');
});

test('observing reports each written batch, not a failed one; nobody listening means no lookups', async () => {
  const { activity, seen, lookups, unsubscribe } = setup();
  let fail = false;
  const sink = activity.observing({ markPeersConnected: async () => (fail ? Promise.reject(new Error('write failed')) : undefined) });
  await sink.markPeersConnected([{ peerKey: 'sso' }]);
  await new Promise((r) => setImmediate(r));
  assert.deepEqual(seen, [
    ['A', 'account'],
    ['A', 'sso-peer'],
  ]);
  fail = true;
  await assert.rejects(sink.markPeersConnected([{ peerKey: 'eph' }]));
  assert.deepEqual(lookups, ['sso']);
  unsubscribe();
  fail = false;
  await activity.connectionsChanged(['eph']);
  assert.deepEqual(lookups, ['sso']);
});
