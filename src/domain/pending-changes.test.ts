import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PendingChanges } from './pending-changes.js';

test('PendingChanges merges scopes per account; all absorbs lists', () => {
  const p = new PendingChanges();
  assert.equal(p.serialOf('a'), undefined);
  p.record('a', 5, 'peer-updated', { peers: ['p2'] });
  p.merge('a', 'peer-renamed', { peers: ['p1', 'p2'] });
  p.record('b', 9, 'peer-deleted', { peers: 'all', deletedPeers: [{ id: 'x', key: 'kx' }] });
  p.merge('b', 'peer-deleted', { peers: ['p3'], deletedPeers: [{ id: 'x', key: 'kx' }, { id: 'y', key: 'ky' }] });
  p.merge('c', 'group-created', { peers: 'all' }); // never recorded: ignored
  assert.equal(p.serialOf('a'), 5);
  assert.deepEqual(p.kindsOf('a'), ['peer-updated', 'peer-renamed']);
  assert.deepEqual(p.toChanges(), [
    { accountId: 'a', serial: 5, peers: ['p1', 'p2'] },
    { accountId: 'b', serial: 9, peers: 'all', deletedPeers: [{ id: 'x', key: 'kx' }, { id: 'y', key: 'ky' }] },
  ]);
});

test('a list scope widened by all becomes all', () => {
  const p = new PendingChanges();
  p.record('a', 1, 'peer-meta-changed', { peers: ['p1'] });
  p.merge('a', 'policy-updated', {});
  assert.deepEqual(p.toChanges(), [{ accountId: 'a', serial: 1, peers: 'all' }]);
});
