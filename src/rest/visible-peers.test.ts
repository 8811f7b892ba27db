import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Peer } from '../domain/model.js';
import { canSeePeer, visiblePeers, type PeerViewer } from './visible-peers.js';

const peer = (id: string, userId: string, name = id, ip = `10.0.0.${id.length}`): Peer => ({ id, userId, name, ip }) as Peer;

test('canSeePeer: admins see all; regular users their own unless the view is blocked', () => {
  const cases: [string, Pick<Peer, 'userId'>, PeerViewer, boolean][] = [
    ['admin, anyone', { userId: 'x' }, { userId: 'u', access: 'all', regularUsersViewBlocked: true }, true],
    ['own peer', { userId: 'u' }, { userId: 'u', access: 'own', regularUsersViewBlocked: false }, true],
    ['own peer, view blocked', { userId: 'u' }, { userId: 'u', access: 'own', regularUsersViewBlocked: true }, false],
    ['someone else', { userId: 'x' }, { userId: 'u', access: 'own', regularUsersViewBlocked: false }, false],
    ['setup-key peer', { userId: '' }, { userId: '', access: 'own', regularUsersViewBlocked: false }, false],
  ];
  for (const [name, p, viewer, want] of cases) assert.equal(canSeePeer(p, viewer), want, name);
});

test('visiblePeers applies the exact name and ip filters', () => {
  const peers = [peer('a', 'u', 'alpha', '10.0.0.1'), peer('b', 'x', 'beta', '10.0.0.2'), peer('c', 'u', 'alpha', '10.0.0.3')];
  const admin: PeerViewer = { userId: 'u', access: 'all', regularUsersViewBlocked: false };
  const own: PeerViewer = { userId: 'u', access: 'own', regularUsersViewBlocked: false };
  const ids = (ps: Peer[]) => ps.map((p) => p.id);
  assert.deepEqual(ids(visiblePeers(peers, admin, {})), ['a', 'b', 'c']);
  assert.deepEqual(ids(visiblePeers(peers, admin, { name: 'alpha' })), ['a', 'c']);
  assert.deepEqual(ids(visiblePeers(peers, admin, { name: 'alpha', ip: '10.0.0.3' })), ['c']);
  assert.deepEqual(ids(visiblePeers(peers, admin, { ip: '10.0.0.9' })), []);
  assert.deepEqual(ids(visiblePeers(peers, own, {})), ['a', 'c']);
  assert.deepEqual(ids(visiblePeers(peers, own, { name: 'beta' })), []);
});
