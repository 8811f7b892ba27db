import { test } from 'node:test';
import assert from 'node:assert/strict';
import { accountBuilder } from '../netmap/fixtures/account-builder.js';
import { accessiblePeers } from './accessible-peers.js';

const NOW = Date.UTC(2026, 0, 1);

test('accessiblePeers lists reachable peers, then the login-expired ones, never the peer itself', () => {
  const snapshot = accountBuilder()
    .peer('a')
    .peer('b')
    .peer('c')
    .peer('d', { userId: 'u1', loginExpirationEnabled: true, lastLogin: 0 })
    .group('team', ['a', 'b', 'd'])
    .policy('p', { rules: [{ sources: ['team'], destinations: ['team'], bidirectional: true }] })
    .build();
  const ids = (peerId: string) => accessiblePeers(snapshot, peerId, NOW, 'netbird.selfhosted').map((p) => p.id);
  assert.deepEqual(ids('a'), ['b', 'd'], 'd is expired (offline) and listed last');
  assert.deepEqual(ids('c'), [], 'outside every policy');
  assert.deepEqual(ids('missing'), [], 'an unknown peer reaches nobody');
});

test('accessiblePeers follows rule direction', () => {
  const snapshot = accountBuilder()
    .peer('src')
    .peer('dst')
    .group('s', ['src'])
    .group('d', ['dst'])
    .policy('one-way', { rules: [{ sources: ['s'], destinations: ['d'], bidirectional: false, protocol: 'tcp', ports: ['22'] }] })
    .build();
  // Upstream lists both ends of a connection, whatever the direction of the rule.
  assert.deepEqual(accessiblePeers(snapshot, 'src', NOW, '').map((p) => p.id), ['dst']);
  assert.deepEqual(accessiblePeers(snapshot, 'dst', NOW, '').map((p) => p.id), ['src']);
});
